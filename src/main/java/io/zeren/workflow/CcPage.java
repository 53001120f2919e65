package io.zeren.workflow;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.zeren.identity.Viewers;
import io.zeren.shared.PageTimes;
import io.zeren.shared.WorkbenchPage;

/**
 * 抄送我的 (/my/cc): the notices copied to the viewer, read-only, a workbench page in the menu. Tasklist links here
 * under its preset filters: a Camunda filter is a task query and cannot say "copied to me" without a right on the task, which a person
 * copied must not get (docs/approval-operations.md).
 */
@Controller
@WorkbenchPage
class CcPage {

	private final Viewers viewers;

	private final TaskOperations operations;

	private final PageTimes times;

	CcPage(Viewers viewers, TaskOperations operations, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.viewers = viewers;
		this.operations = operations;
		this.times = new PageTimes(zone);
	}

	@GetMapping("/my/cc")
	String page(Model model) {
		String user = MyWorkPage.staff(viewers.require()).username();
		model.addAttribute("rows", operations.ccTo(user));
		model.addAttribute("times", times);
		return "workflow/my-cc";
	}

}

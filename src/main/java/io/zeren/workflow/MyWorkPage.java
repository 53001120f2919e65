package io.zeren.workflow;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;
import io.zeren.shared.WorkbenchPage;

/** 已办 and 我发起的: the viewer's completed tasks and the processes they started, 20 a page, newest first. */
@Controller
@WorkbenchPage
class MyWorkPage {

	private final Viewers viewers;

	private final MyWork work;

	MyWorkPage(Viewers viewers, MyWork work) {
		this.viewers = viewers;
		this.work = work;
	}

	@GetMapping("/my/work")
	String page(@RequestParam(defaultValue = "done") String tab, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Viewer viewer = staff(viewers.require());
		boolean started = "started".equals(tab);
		model.addAttribute("tab", started ? "started" : "done");
		model.addAttribute("rows", started ? work.started(viewer, page) : work.done(viewer, page));
		return "workflow/my-work";
	}

	/** My pages are for members of the organisation; the three administrators have none of this work. */
	static Viewer staff(Viewer viewer) {
		if (!viewer.isStaff()) {
			throw new ForbiddenException(new Msg("my.staff-only"));
		}
		return viewer;
	}

}

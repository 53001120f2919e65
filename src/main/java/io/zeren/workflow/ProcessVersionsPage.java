package io.zeren.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 流程版本 (/admin/processes), the system admin's: every process with its versions and running instances, the
 * move of an older version's instances to the latest (dry run, then execution), and the upload of a set of models
 * and forms, checked like every deployment.
 */
@Controller
@WorkbenchPage
class ProcessVersionsPage {

	private final Viewers viewers;

	private final ProcessVersions versions;

	private final MessageSource messages;

	ProcessVersionsPage(Viewers viewers, ProcessVersions versions, MessageSource messages) {
		this.viewers = viewers;
		this.versions = versions;
		this.messages = messages;
	}

	@GetMapping("/admin/processes")
	String list(Model model) {
		admin();
		return page(model);
	}

	@PostMapping("/admin/processes/migrations/preview")
	String preview(@RequestParam("definitionId") String definitionId, Model model) {
		admin();
		model.addAttribute("report", versions.dryRun(definitionId));
		return page(model);
	}

	@PostMapping("/admin/processes/migrations")
	String migrate(@RequestParam("definitionId") String definitionId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		admin();
		try {
			ProcessVersions.MigrationResult result = versions.migrate(definitionId);
			redirect.addFlashAttribute("flash", messages.getMessage("processes.migration.done",
					new Object[] { result.name(), String.valueOf(result.sourceVersion()),
							String.valueOf(result.targetVersion()), String.valueOf(result.migrated()) },
					locale()));
			return "redirect:/admin/processes";
		}
		catch (RuleViolationException refused) {
			response.setStatus(422);
			model.addAttribute("report", versions.dryRun(definitionId));
			model.addAttribute("migrationErrors", render(refused.violations()));
			return page(model);
		}
	}

	@PostMapping("/admin/processes/deployments")
	String deploy(@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		admin();
		List<ProcessVersions.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			uploads.add(new ProcessVersions.Upload(file.getOriginalFilename(), file.getBytes()));
		}
		try {
			ProcessVersions.Deployed deployed = versions.deploy(name, uploads);
			redirect.addFlashAttribute("flash", deployed.processes().isEmpty()
					? messages.getMessage("processes.upload.done-no-process", new Object[] { deployed.name() }, locale())
					: messages.getMessage("processes.upload.done",
							new Object[] { deployed.name(), String.join("、", deployed.processes()) }, locale()));
			return "redirect:/admin/processes";
		}
		catch (RuleViolationException refused) {
			response.setStatus(422);
			model.addAttribute("uploadName", name);
			model.addAttribute("uploadErrors", render(refused.violations()));
			return page(model);
		}
	}

	private String page(Model model) {
		model.addAttribute("families", versions.families());
		if (!model.containsAttribute("uploadName")) {
			model.addAttribute("uploadName", "");
		}
		return "workflow/processes";
	}

	private Viewer admin() {
		Viewer viewer = viewers.require();
		if (!viewer.isSystemAdmin()) {
			throw new ForbiddenException(new Msg("processes.forbidden"));
		}
		return viewer;
	}

	private List<String> render(List<Msg> violations) {
		return violations.stream().map(msg -> msg.render(messages, locale())).toList();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}

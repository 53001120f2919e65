package io.zeren.organisation.importing;

import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import io.zeren.organisation.ChangeReport;
import io.zeren.shared.Msg;
import io.zeren.shared.PageTimes;
import io.zeren.shared.SystemAdministration;
import io.zeren.shared.WorkbenchPage;

/**
 * 花名册导入 (system administrator): upload a roster, see the per-row report of a dry run (what would be created,
 * changed or refused and why), then apply the same files without uploading them again; past imports; the template.
 * The files of a dry run wait in the administrator's session until applied or replaced by another upload.
 */
@Controller
@WorkbenchPage
class RosterPage {

	static final String PENDING = RosterPage.class.getName() + ".pending";

	private static final int RUNS_SHOWN = 20;

	private final RosterImport rosterImport;

	private final ImportRunRepository runs;

	private final SystemAdministration administration;

	private final MessageSource messages;

	private final PageTimes times;

	RosterPage(RosterImport rosterImport, ImportRunRepository runs, SystemAdministration administration,
			MessageSource messages, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.rosterImport = rosterImport;
		this.runs = runs;
		this.administration = administration;
		this.messages = messages;
		this.times = new PageTimes(zone);
	}

	/** The files of a dry run, kept to be applied as they were checked. */
	record Pending(String token, List<StoredFile> files, boolean atomic) implements Serializable {

		List<RosterImport.Upload> uploads() {
			return files.stream().map(file -> new RosterImport.Upload(file.name(), file.content())).toList();
		}

		String fileNames() {
			return String.join(", ", files.stream().map(StoredFile::name).toList());
		}

	}

	record StoredFile(String name, byte[] content) implements Serializable {
	}

	@GetMapping("/admin/roster")
	String roster(Model model) {
		administration.requireSystemAdmin();
		return form(model, true, false);
	}

	@GetMapping("/admin/roster/template")
	@ResponseBody
	ResponseEntity<byte[]> template() throws IOException {
		administration.requireSystemAdmin();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + RosterTemplate.FILE_NAME)
			.contentType(MediaType.parseMediaType(RosterTemplate.CONTENT_TYPE))
			.body(RosterTemplate.workbook());
	}

	@PostMapping("/admin/roster")
	String upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean atomic,
			HttpSession session, HttpServletResponse response, Model model) throws IOException {
		String admin = administration.requireSystemAdmin();
		List<StoredFile> stored = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty()) {
					String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
							? file.getName() : file.getOriginalFilename();
					stored.add(new StoredFile(name, file.getBytes()));
				}
			}
		}
		if (stored.isEmpty()) {
			return refused(model, response, dryRun, atomic, new Msg("admin.roster.no-file"));
		}
		Pending pending = new Pending(UUID.randomUUID().toString(), List.copyOf(stored), atomic);
		ChangeReport report;
		try {
			report = rosterImport.importRoster(pending.uploads(), dryRun, atomic, admin);
		}
		catch (MalformedRosterException ex) {
			session.removeAttribute(PENDING);
			return refused(model, response, dryRun, atomic, ex.msg());
		}
		if (dryRun) {
			session.setAttribute(PENDING, pending);
		}
		else {
			session.removeAttribute(PENDING);
		}
		return report(model, report, pending);
	}

	@PostMapping("/admin/roster/apply")
	String apply(@RequestParam(required = false) String token, HttpSession session, HttpServletResponse response,
			Model model) {
		String admin = administration.requireSystemAdmin();
		Object kept = session.getAttribute(PENDING);
		if (!(kept instanceof Pending pending) || !pending.token().equals(token)) {
			return refused(model, response, true, false, new Msg("admin.roster.dry-run-gone"));
		}
		session.removeAttribute(PENDING);
		ChangeReport report;
		try {
			report = rosterImport.importRoster(pending.uploads(), false, pending.atomic(), admin);
		}
		catch (MalformedRosterException ex) {
			return refused(model, response, true, pending.atomic(), ex.msg());
		}
		return report(model, report, pending);
	}

	private String refused(Model model, HttpServletResponse response, boolean dryRun, boolean atomic, Msg reason) {
		response.setStatus(422);
		model.addAttribute("fileError", reason.render(messages, LocaleContextHolder.getLocale()));
		return form(model, dryRun, atomic);
	}

	private String form(Model model, boolean dryRun, boolean atomic) {
		model.addAttribute("dryRun", dryRun);
		model.addAttribute("atomic", atomic);
		model.addAttribute("runs", runs.findAllByOrderByImportedAtDesc(PageRequest.of(0, RUNS_SHOWN))
			.stream()
			.map(ImportRun::toView)
			.toList());
		model.addAttribute("times", times);
		return "admin/roster";
	}

	private String report(Model model, ChangeReport report, Pending pending) {
		model.addAttribute("report", report);
		// Refused rows first: they are what the administrator must look at; then in file order.
		model.addAttribute("rows", report.rows()
			.stream()
			.sorted(Comparator.comparing((ChangeReport.RowOutcome row) -> row.outcome() != ChangeReport.Outcome.REJECTED))
			.toList());
		model.addAttribute("fileNames", pending.fileNames());
		model.addAttribute("token", pending.token());
		model.addAttribute("atomic", pending.atomic());
		model.addAttribute("outcomeStyle", java.util.Map.of("CREATED", "success", "UPDATED", "primary", "UNCHANGED",
				"secondary", "REJECTED", "danger"));
		return "admin/roster-report";
	}

}

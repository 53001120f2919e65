package io.zeren.organisation.importing;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.organisation.ChangeReport;
import io.zeren.shared.Msg;

@RestController
@RequestMapping("/api/organisation")
@Tag(name = "Organisation import", description = "Roster import from Excel (.xlsx) or CSV, with a per-row report")
class ImportController {

	private final RosterImport rosterImport;

	private final ImportRunRepository runs;

	private final MessageSource messages;

	ImportController(RosterImport rosterImport, ImportRunRepository runs, MessageSource messages) {
		this.rosterImport = rosterImport;
		this.runs = runs;
		this.messages = messages;
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import units, staff and roles",
			description = "One .xlsx workbook (sheets 单位/人员/职能) or one CSV per table, in any order. Rows are upserts "
					+ "keyed by unit code, username and role code. A malformed file is refused whole (400); "
					+ "otherwise every row is reported as CREATED, UPDATED, UNCHANGED or REJECTED with reasons.")
	ChangeReport importRoster(@RequestPart(name = "file", required = false) List<MultipartFile> files,
			@Parameter(description = "Report only, write nothing") @RequestParam(defaultValue = "false") boolean dryRun,
			@Parameter(description = "Write nothing if any row is rejected") @RequestParam(defaultValue = "false") boolean atomic,
			Principal principal) throws IOException {
		if (files == null || files.isEmpty()) {
			throw new MalformedRosterException(new Msg("import.no-file"));
		}
		List<RosterImport.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files) {
			uploads.add(new RosterImport.Upload(file.getOriginalFilename() == null ? file.getName()
					: file.getOriginalFilename(), file.getBytes()));
		}
		return rosterImport.importRoster(uploads, dryRun, atomic, principal.getName());
	}

	@GetMapping("/imports")
	@Operation(summary = "Recent imports, newest first")
	List<ImportRun.ImportRunView> imports(@RequestParam(defaultValue = "50") int limit) {
		return runs.findAllByOrderByImportedAtDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 500))))
			.stream()
			.map(ImportRun::toView)
			.toList();
	}

	@GetMapping("/import/template")
	@Operation(summary = "An empty roster workbook with the expected sheets and columns (* = required)")
	ResponseEntity<byte[]> template() throws IOException {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + RosterTemplate.FILE_NAME)
			.contentType(MediaType.parseMediaType(RosterTemplate.CONTENT_TYPE))
			.body(RosterTemplate.workbook());
	}

	@ExceptionHandler(MalformedRosterException.class)
	ProblemDetail malformed(MalformedRosterException ex) {
		var locale = LocaleContextHolder.getLocale();
		String reason = ex.msg().render(messages, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
		problem.setTitle(messages.getMessage("error.title.malformed", null, locale));
		problem.setProperty("violations", List.of(reason));
		return problem;
	}

}

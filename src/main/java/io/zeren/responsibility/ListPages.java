package io.zeren.responsibility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 我的责任清单 and 平时记实: a person's lists by year with their progress (a unit head also sees their unit's list), one
 * list's items with the evidence recorded against each, the owner's evidence form with file uploads, and the files'
 * downloads for everyone who may read the list (the REST API's read check, {@link PersonalLists#mayRead}).
 */
@Controller
@WorkbenchPage
class ListPages {

	private final Viewers viewers;

	private final MyLists myLists;

	private final PersonalLists lists;

	private final EvidenceFiles files;

	private final MessageSource messages;

	ListPages(Viewers viewers, MyLists myLists, PersonalLists lists, EvidenceFiles files, MessageSource messages) {
		this.viewers = viewers;
		this.myLists = myLists;
		this.lists = lists;
		this.files = files;
		this.messages = messages;
	}

	@GetMapping("/my/lists")
	String overview(Model model) {
		Viewer viewer = viewers.require();
		model.addAttribute("summaries", myLists.summariesOf(viewer.username()));
		model.addAttribute("unitLists", myLists.unitListsOf(viewer.username(), viewer.unitCode(), viewer.groups()));
		model.addAttribute("unitName", viewer.unitName());
		model.addAttribute("currentYear", myLists.currentYear());
		model.addAttribute("local", myLists);
		return "responsibility/my-lists";
	}

	@GetMapping("/my/lists/{id}")
	String list(@PathVariable Long id, Model model) {
		Viewer viewer = viewers.require();
		addList(model, myLists.page(id, viewer.username(), viewer.groups()));
		return "responsibility/list";
	}

	@GetMapping("/my/lists/{id}/items/{itemId}")
	String item(@PathVariable Long id, @PathVariable Long itemId, Model model) {
		Viewer viewer = viewers.require();
		MyLists.ListPage page = myLists.page(id, viewer.username(), viewer.groups());
		addItem(model, page, itemId);
		model.addAttribute("form", EvidenceForm.blank(LocalDate.ofInstant(EngineClock.now(), zone())));
		return "responsibility/item";
	}

	/** The evidence form's fields as typed, kept when the form is refused. */
	record EvidenceForm(String occurredOn, String kind, String note) {

		static EvidenceForm blank(LocalDate today) {
			return new EvidenceForm(today.toString(), "", "");
		}

	}

	@PostMapping("/my/lists/{id}/items/{itemId}/evidence")
	String record(@PathVariable Long id, @PathVariable Long itemId,
			@RequestParam(required = false) String occurredOn, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String note,
			@RequestParam(name = "files", required = false) List<MultipartFile> uploaded, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		Viewer viewer = viewers.require();
		EvidenceForm form = new EvidenceForm(occurredOn, kind, note);
		List<EvidenceFiles.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : uploaded == null ? List.<MultipartFile>of() : uploaded) {
			// A form sent without a chosen file carries one empty part without a name.
			if (!file.isEmpty() || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
				uploads.add(new EvidenceFiles.Upload(file.getOriginalFilename(), file.getBytes()));
			}
		}
		LocalDate date = null;
		try {
			date = occurredOn == null || occurredOn.isBlank() ? null : LocalDate.parse(occurredOn.strip());
		}
		catch (DateTimeParseException ex) {
			// reported by the use case as a missing date
		}
		try {
			Evidence.EvidenceView recorded = lists.recordEvidence(id, itemId, new PersonalLists.EvidenceRequest(date,
					kind == null || kind.isBlank() ? null : kind, note, null, null, null), uploads, viewer.username());
			redirect.addFlashAttribute("flash", messages.getMessage("mylists.evidence.saved",
					new Object[] { recorded.files().size() }, Locales.current()));
			return "redirect:/my/lists/" + id + "/items/" + itemId;
		}
		catch (RuleViolationException ex) {
			MyLists.ListPage page = myLists.page(id, viewer.username(), viewer.groups());
			addItem(model, page, itemId);
			model.addAttribute("form", form);
			model.addAttribute("errors", fieldErrors(ex.violations(), page.list().year()));
			response.setStatus(422);
			return "responsibility/item";
		}
	}

	/** The sentences of a refusal by the field they belong to ("general" for the rest). */
	private Map<String, List<String>> fieldErrors(List<Msg> violations, int year) {
		Locale locale = Locales.current();
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Msg violation : violations) {
			String field;
			Msg shown = violation;
			switch (violation.code()) {
				case "responsibility.evidence.date", "responsibility.evidence.date-missing" -> {
					field = "occurredOn";
					shown = new Msg("mylists.evidence.date", String.valueOf(year));
				}
				case "responsibility.evidence.kind" -> {
					field = "kind";
					shown = new Msg("mylists.evidence.kind");
				}
				case "responsibility.text.too-long" -> {
					field = "note";
					shown = new Msg("mylists.evidence.note");
				}
				default -> field = violation.code().startsWith("responsibility.evidence.file.") ? "files" : "general";
			}
			errors.computeIfAbsent(field, key -> new ArrayList<>()).add(shown.render(messages, locale));
		}
		return errors;
	}

	@GetMapping("/my/lists/{id}/files/{fileId}")
	void download(@PathVariable Long id, @PathVariable Long fileId, HttpServletResponse response) throws IOException {
		Viewer viewer = viewers.require();
		EvidenceFile.FileView file = myLists.file(id, fileId, viewer.username(), viewer.groups());
		response.setContentType(files.types().isServable(file.contentType()) ? file.contentType()
				: "application/octet-stream");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(file.fileName()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setContentLengthLong(file.size());
		files.copy(fileId, response.getOutputStream());
	}

	/** Content-Disposition: attachment, an ASCII fallback name and the UTF-8 name (RFC 6266 / RFC 5987). */
	static String attachment(String fileName) {
		StringBuilder fallback = new StringBuilder();
		StringBuilder encoded = new StringBuilder();
		for (char c : fileName.toCharArray()) {
			fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
		}
		for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

	private void addList(Model model, MyLists.ListPage page) {
		model.addAttribute("page", page);
		model.addAttribute("local", myLists);
	}

	private void addItem(Model model, MyLists.ListPage page, Long itemId) {
		addList(model, page);
		model.addAttribute("line", myLists.item(page, itemId));
		model.addAttribute("kinds", Evidence.Kind.values());
		model.addAttribute("allowedTypes", String.join("、", files.types().extensions()));
		model.addAttribute("accept", files.types().extensions().stream().map(ext -> "." + ext)
			.reduce((a, b) -> a + "," + b).orElse(""));
		model.addAttribute("maxFileSize", files.limits().maxFileSize().toMegabytes() + " MB");
		model.addAttribute("maxFiles", files.limits().maxFiles());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	private java.time.ZoneId zone() {
		return myLists.zone();
	}

}

package io.zeren.inspection;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The mid-year inspection over REST; plans, evidence, verifications and reviews are Tasklist tasks. */
@RestController
@Tag(name = "Inspection", description = "Mid-year inspections, findings (问题清单), rectifications (整改) and progress self-reports")
class InspectionController {

	/** Optional scope of the self-report kick-off. */
	record SelfReportKickOffRequest(String unitCode) {
	}

	private final Inspections inspections;

	private final Rectifications rectifications;

	private final SelfReports selfReports;

	InspectionController(Inspections inspections, Rectifications rectifications, SelfReports selfReports) {
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.selfReports = selfReports;
	}

	@PostMapping("/api/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open an inspection of a unit (inspection team); starts MidYearInspectionProcess. "
			+ "Inspectors default to the caller; each must be on the inspection team")
	Inspection.InspectionView open(@RequestBody Inspections.NewInspection body, Authentication caller) {
		return inspections.open(body, Caller.of(caller));
	}

	@GetMapping("/api/inspections")
	@Operation(summary = "Inspections: all for the inspection team, political department, leadership and discipline office; "
			+ "a unit head's own units otherwise")
	List<Inspection.InspectionView> list(@RequestParam(required = false) Integer year, Authentication caller) {
		return inspections.visible(year, Caller.of(caller));
	}

	@GetMapping("/api/inspections/{id}")
	@Operation(summary = "One inspection with its findings and where their rectifications stand")
	Inspection.InspectionView detail(@PathVariable Long id, Authentication caller) {
		return inspections.detail(id, Caller.of(caller));
	}

	/** Why an inspection opened by mistake is cancelled. */
	record CancelRequest(String reason) {
	}

	@PostMapping("/api/inspections/{id}/cancel")
	@Operation(summary = "Cancel an inspection opened by mistake (inspection team), with a reason; refused once a "
			+ "finding is recorded. Its MidYearInspectionProcess is deleted; the inspection stays as CANCELLED")
	Inspection.InspectionView cancel(@PathVariable Long id, @RequestBody(required = false) CancelRequest body,
			Authentication caller) {
		return inspections.cancel(id, body == null ? null : body.reason(), Caller.of(caller));
	}

	@PostMapping("/api/inspections/{id}/findings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a finding (inspection team) while the inspection is recording: notifies the "
			+ "responsible person and starts its RectificationProcess (business key = finding id)")
	Finding.FindingView recordFinding(@PathVariable Long id, @RequestBody Inspections.NewFinding body,
			Authentication caller) {
		return inspections.recordFinding(id, body, Caller.of(caller));
	}

	@GetMapping("/api/inspections/{id}/findings")
	List<Finding.FindingView> findings(@PathVariable Long id, Authentication caller) {
		return inspections.findingsOf(id, Caller.of(caller));
	}

	@GetMapping("/api/rectifications")
	@Operation(summary = "Rectifications the caller may see: their own, their units' (unit heads), all (inspection team)")
	List<Rectification.RectificationView> rectifications(@RequestParam(required = false) Integer year,
			Authentication caller) {
		Caller who = Caller.of(caller);
		return rectifications.visible(year, who, inspections.headedUnits(who.username()));
	}

	@GetMapping("/api/rectifications/{findingId}")
	@Operation(summary = "One rectification with its plan, evidence and verifications; 403 if not the caller's to see")
	Rectification.RectificationView rectification(@PathVariable Long findingId, Authentication caller) {
		Caller who = Caller.of(caller);
		return rectifications.detail(findingId, who, inspections.headedUnits(who.username()));
	}

	@PostMapping("/api/inspections/self-reports/{year}")
	@Operation(summary = "Start the progress self-reports of the year for every active staff member, or one unit and "
			+ "its sub-units (political department, admins). Idempotent; started in batches of "
			+ "zeren.inspection.self-report-batch-size, each in its own transaction")
	SelfReports.KickOff startSelfReports(@PathVariable int year,
			@RequestBody(required = false) SelfReportKickOffRequest body, Authentication caller) {
		return selfReports.start(year, body == null ? null : body.unitCode(), Caller.of(caller));
	}

	@GetMapping("/api/inspections/self-reports/{year}")
	@Operation(summary = "Self-reports of the year: own, the caller's units' (unit heads), all (political department)")
	List<SelfReport.SelfReportView> selfReports(@PathVariable int year, Authentication caller) {
		Caller who = Caller.of(caller);
		return selfReports.visible(year, who, inspections.headedUnits(who.username()));
	}

}

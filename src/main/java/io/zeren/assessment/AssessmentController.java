package io.zeren.assessment;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;

/**
 * The year-end assessment over REST: opening a year, the results (per staff, unit, year) with who may see
 * what, the publicised 优秀 lists, objections, review and appeal requests, and the follow-ups. The steps
 * themselves are Tasklist tasks.
 */
@RestController
@Tag(name = "Assessment", description = "Year-end assessment: results, publicity, objections, review and appeal")
class AssessmentController {

	static final String COMMITTEE = AssessmentAccess.COMMITTEE;

	static final String LEADERSHIP = AssessmentAccess.LEADERSHIP;

	record OpenRequest(List<String> units) {
	}

	record ObjectionRequest(String username, String reason) {
	}

	record ReasonRequest(String reason) {
	}

	record Filed(Long id) {
	}

	private final Assessments assessments;

	private final AssessmentAccess access;

	AssessmentController(Assessments assessments, AssessmentAccess access) {
		this.assessments = assessments;
		this.access = access;
	}

	@PostMapping("/api/assessments/{year}/open")
	@Operation(summary = "Open the year's assessment for units: one AnnualAssessmentProcess per active member; idempotent")
	Assessments.Opened open(@PathVariable int year, @RequestBody OpenRequest body, Authentication caller) {
		if (!AssessmentAccess.mayOpen(groups(caller))) {
			throw new AccessDeniedException("requires one of " + COMMITTEE + ", " + LEADERSHIP);
		}
		return assessments.open(year, body == null ? null : body.units());
	}

	@GetMapping("/api/assessments")
	@Operation(summary = "Assessments by year, unit, person: staff see their own, unit heads their units, committee and leadership all")
	List<AssessmentView> search(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String username, Authentication caller) {
		return assessments.search(viewer(caller), year, blankToNull(unit), blankToNull(username));
	}

	@GetMapping("/api/assessments/{year}/people/{username}")
	@Operation(summary = "One person's assessment with votes (committee only), history, objections and reviews")
	AssessmentView detail(@PathVariable int year, @PathVariable String username, Authentication caller) {
		return assessments.detail(viewer(caller), year, username);
	}

	@GetMapping("/api/assessments/{year}/published")
	@Operation(summary = "The publicised 优秀 lists of the year (units in publicity or published); open to all staff")
	List<Assessments.PublishedEntry> published(@PathVariable int year, @RequestParam(required = false) String unit) {
		return assessments.published(year, blankToNull(unit));
	}

	@PostMapping("/api/assessments/{year}/units/{unit}/committee")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start the unit's committee review (AssessmentCommitteeProcess) once everyone reached it")
	void startCommittee(@PathVariable int year, @PathVariable String unit, Authentication caller) {
		require(caller, COMMITTEE);
		assessments.startCommittee(year, unit);
	}

	@PostMapping("/api/assessments/{year}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Object to a publicised 优秀 grade while the publicity lasts; the committee resolves it")
	Filed object(@PathVariable int year, @RequestBody ObjectionRequest body, Authentication caller) {
		return new Filed(assessments.fileObjection(year, body.username(), caller.getName(), body.reason()));
	}

	@PostMapping("/api/assessments/{year}/reviews")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Request a review (复核) of your own grade within the review window")
	void review(@PathVariable int year, @RequestBody ReasonRequest body, Authentication caller) {
		assessments.request(year, caller.getName(), ReviewRequest.Kind.REVIEW, body == null ? null : body.reason());
	}

	@PostMapping("/api/assessments/{year}/appeals")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Appeal (申诉) your own grade after the review decision, within the appeal window")
	void appeal(@PathVariable int year, @RequestBody ReasonRequest body, Authentication caller) {
		assessments.request(year, caller.getName(), ReviewRequest.Kind.APPEAL, body == null ? null : body.reason());
	}

	@GetMapping("/api/assessments/follow-ups")
	@Operation(summary = "Consecutive-years follow-ups (MERIT_CITATION, DEMOTION, DISMISSAL_REVIEW); staff see their own")
	List<FollowUpItem> followUps(@RequestParam(required = false) String username, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String kind, Authentication caller) {
		Assessments.Viewer viewer = viewer(caller);
		if (!viewer.seesAll()) {
			if (username != null && !username.equals(caller.getName())) {
				throw new AccessDeniedException("follow-ups of others are for the committee and the leadership");
			}
			username = caller.getName();
		}
		return assessments.followUps(blankToNull(username), year, blankToNull(kind));
	}

	/**
	 * Committee and leadership see all; a unit head their unit and the units below it. Not role-political: the
	 * organisation gives it to every member of the political department's sections, who are assessed themselves.
	 */
	private Assessments.Viewer viewer(Authentication caller) {
		return access.viewer(caller.getName(), groups(caller));
	}

	private static List<String> groups(Authentication caller) {
		return caller.getAuthorities().stream().map(authority -> authority.getAuthority()).toList();
	}

	private static void require(Authentication caller, String... groups) {
		if (!CallerGroups.inAny(caller, groups) && !CallerGroups.inAny(caller, GroupIds.SYSTEM_ADMINS)) {
			throw new AccessDeniedException("requires one of " + String.join(", ", groups));
		}
	}


	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}

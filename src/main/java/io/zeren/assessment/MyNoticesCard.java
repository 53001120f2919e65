package io.zeren.assessment;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.zeren.identity.GroupIds;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.HomeCard;

/**
 * The home page's card of assessment notices waiting for me: result notices to acknowledge (into Tasklist), a review
 * or appeal I may still ask for, and the 优秀 lists in publicity that anyone may object to (into 我的考核).
 */
@Component
class MyNoticesCard implements HomeCard.Source {

	static final int PUBLICITY_SHOWN = 5;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final TaskService tasks;

	private final Assessments assessments;

	private final AssessmentRepository records;

	private final OrganisationDirectory directory;

	private final AssessmentProperties properties;

	private final String tasklistPath;

	MyNoticesCard(TaskService tasks, Assessments assessments, AssessmentRepository records,
			OrganisationDirectory directory, AssessmentProperties properties,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		this.tasks = tasks;
		this.assessments = assessments;
		this.records = records;
		this.directory = directory;
		this.properties = properties;
		this.tasklistPath = webappPath + "/app/tasklist/default/";
	}

	/** One notice: a message key with its arguments, and where it leads. */
	record Notice(String key, List<Object> args, String link, boolean tasklist) {
	}

	@Override
	public List<HomeCard> cardsFor(String username, Set<String> groups) {
		if (!groups.contains(GroupIds.ALL_STAFF)) {
			return List.of();
		}
		List<Notice> notices = new ArrayList<>();
		tasks.createTaskQuery()
			.processDefinitionKey(AnnualAssessmentProcess.KEY)
			.taskDefinitionKey(AnnualAssessmentProcess.TASK_ACKNOWLEDGE_NOTICE)
			.taskAssignee(username)
			.active()
			.orderByTaskCreateTime()
			.desc()
			.list()
			.forEach(task -> notices.add(new Notice("myassessment.card.acknowledge", List.of(day(task.getCreateTime().toInstant())),
					tasklistPath + "#/?task=" + task.getId(), true)));
		for (Assessment mine : records.findByUsernameOrderByYearDesc(username)) {
			if (mine.getStatus() == Assessment.Status.ACKNOWLEDGED
					&& assessments.acceptsRequest(mine.getYear(), username, ReviewRequest.Kind.REVIEW)) {
				notices.add(new Notice("myassessment.card.review-open", List.of(String.valueOf(mine.getYear()),
						mine.getReviewDueAt() == null ? "—" : day(mine.getReviewDueAt())), "/my/assessments#year-" + mine.getYear(),
						false));
			}
			else if (mine.getStatus() == Assessment.Status.REVIEW
					&& assessments.acceptsRequest(mine.getYear(), username, ReviewRequest.Kind.APPEAL)) {
				notices.add(new Notice("myassessment.card.appeal-open", List.of(String.valueOf(mine.getYear())),
						"/my/assessments#year-" + mine.getYear(), false));
			}
		}
		// The lists in publicity, the viewer's own unit first; one line per unit and year.
		String ownUnit = directory.cachedStaffInfo(username).map(StaffInfo::unitCode).orElse(null);
		Map<String, Assessments.PublishedEntry> lists = new LinkedHashMap<>();
		List<Assessments.PublishedEntry> open = new ArrayList<>(assessments.inPublicity());
		open.sort((a, b) -> Boolean.compare(!a.unitCode().equals(ownUnit), !b.unitCode().equals(ownUnit)));
		open.forEach(entry -> lists.putIfAbsent(entry.year() + ":" + entry.unitCode(), entry));
		lists.values()
			.stream()
			.limit(PUBLICITY_SHOWN)
			.forEach(entry -> notices.add(new Notice("myassessment.card.publicity", List.of(String.valueOf(entry.year()),
					entry.unitName(), entry.publicityUntil() == null ? "—" : day(entry.publicityUntil())),
					"/my/assessments#publicity", false)));
		int more = Math.max(0, lists.size() - PUBLICITY_SHOWN);
		return List.of(new HomeCard(20, "assessment/cards", "notices", Map.of("notices", notices, "more", more)));
	}

	private String day(java.time.Instant instant) {
		return DAY.format(instant.atZone(ZoneId.of(properties.zone())));
	}

}

package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The personal tasks are what the BPMN files mark, and docs/deadlines.md lists exactly those. */
class PersonalTasksTests {

	/** Decided from the forms and the process docs (docs/deadlines.md, "Personal tasks"). */
	static final Set<String> PERSONAL = Set.of("ProgressSelfReportProcess/Task_SubmitProgressReport",
			"AnnualAssessmentProcess/Task_SubmitSelfSummary", "AnnualAssessmentProcess/Task_EvaluatePeer",
			"AnnualAssessmentProcess/Task_AcknowledgeNotice", "PersonalResponsibilityProcess/Task_ReviewPersonalList",
			"DisciplineSubjectProcess/Task_AnswerInquiry", "DisciplineSubjectProcess/Task_MakeStatement",
			"DisciplineSubjectProcess/Task_AcknowledgeDecision");

	@Test
	void shouldMarkExactlyThePersonalTasksInTheProcesses() throws IOException {
		Set<String> marked = new TreeSet<>();
		Set<String> all = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (UserTask task : model.getModelElementsByType(UserTask.class)) {
					String id = ((Process) processOf(task)).getId() + "/" + task.getId();
					all.add(id);
					if (PersonalTasks.isPersonalElement(task)) {
						marked.add(id);
					}
				}
			}
		}
		assertThat(all).containsAll(PERSONAL);
		assertThat(marked).containsExactlyInAnyOrderElementsOf(PERSONAL);
	}

	@Test
	void shouldListThePersonalTasksInTheDeadlineDocs() throws IOException {
		String doc = Files.readString(Path.of("docs/deadlines.md"), StandardCharsets.UTF_8);
		String section = doc.substring(doc.indexOf("### Personal tasks"), doc.indexOf("## Task authority"));
		Set<String> listed = new TreeSet<>();
		Matcher row = Pattern.compile("\\| `(\\w+Process)` \\| `(Task_\\w+)`").matcher(section);
		while (row.find()) {
			listed.add(row.group(1) + "/" + row.group(2));
		}
		assertThat(listed).containsExactlyInAnyOrderElementsOf(PERSONAL);
	}

	private static org.camunda.bpm.model.xml.instance.ModelElementInstance processOf(
			org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
		org.camunda.bpm.model.xml.instance.ModelElementInstance current = element;
		while (!(current instanceof Process)) {
			current = current.getParentElement();
		}
		return current;
	}

}

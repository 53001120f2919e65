package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.shared.TaskNames;

/**
 * Task names (docs/webapps-l10n.md, "Task names"): every user task named through {@code zeren.name} keeps a plain
 * BPMN name for diagrams and uses only the context variables Zeren code sets — which no form declares, so no
 * submission can change them (read with the submission guard's own reading of a form, hence this package).
 */
class TaskNamesTests {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	static final Set<String> CONTEXT = Set.of(TaskNames.VAR_YEAR, TaskNames.VAR_UNIT, TaskNames.VAR_PERSON,
			TaskNames.VAR_TITLE);

	static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

	@Test
	void shouldWriteYearsWithoutSeparators() {
		assertThat(TaskNames.year(2027)).isEqualTo("2027年度");
		assertThat(TaskNames.context(2113, "一大队", "黄鑫")).containsEntry(TaskNames.VAR_YEAR, "2113年度")
			.containsEntry(TaskNames.VAR_UNIT, "一大队")
			.containsEntry(TaskNames.VAR_PERSON, "黄鑫");
		assertThat(TaskNames.context(null, null, "黄鑫")).containsOnlyKeys(TaskNames.VAR_PERSON);
	}

	@Test
	void shouldNameTasksOnlyWithContextVariablesAndKeepDiagramNamesPlain() throws Exception {
		List<String> named = new ArrayList<>();
		for (Path file : files("processes", ".bpmn")) {
			var document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(file.toFile());
			NodeList userTasks = document.getElementsByTagNameNS(BPMN, "userTask");
			for (int i = 0; i < userTasks.getLength(); i++) {
				Element task = (Element) userTasks.item(i);
				String expression = nameProperty(task);
				if (expression == null) {
					continue;
				}
				String where = file + " " + task.getAttribute("id");
				named.add(where);
				assertThat(task.getAttribute("name")).as(where).isNotBlank().doesNotContain("${");
				Matcher variables = VARIABLE.matcher(expression);
				int found = 0;
				while (variables.find()) {
					found++;
					assertThat(variables.group(1)).as(where).isIn(CONTEXT);
				}
				assertThat(found).as(where + " names nothing that differs").isPositive();
				assertThat(expression.replaceAll("\\$\\{[^}]*}", "")).as(where).doesNotContain("$", "{", "}");
			}
		}
		assertThat(named).as("tasks named through " + TaskNames.PROPERTY_NAME).hasSizeGreaterThanOrEqualTo(20);
	}

	@Test
	void shouldLeaveTheContextVariablesOutOfEveryForm() throws IOException {
		ObjectMapper json = new ObjectMapper();
		for (Path form : files("forms", ".form")) {
			Set<String> keys = new LinkedHashSet<>();
			SubmissionGuard.collect(json.readTree(form.toFile()).get("components"), keys);
			assertThat(keys).as(form.toString()).doesNotContainAnyElementsOf(CONTEXT);
		}
	}

	private static String nameProperty(Element task) {
		NodeList properties = task.getElementsByTagNameNS(CAMUNDA, "property");
		for (int i = 0; i < properties.getLength(); i++) {
			Element property = (Element) properties.item(i);
			if (TaskNames.PROPERTY_NAME.equals(property.getAttribute("name"))) {
				return property.getAttribute("value");
			}
		}
		return null;
	}

	private static List<Path> files(String root, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(Path.of(root))) {
			return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

}

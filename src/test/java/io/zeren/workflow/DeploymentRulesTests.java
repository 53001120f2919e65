package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.zeren.workflow.DeploymentRules.Finding;

class DeploymentRulesTests {

	private static final String FORM = "{\"id\":\"Form_A\",\"components\":[]}";

	private final DeploymentRules rules = new DeploymentRules();

	private final DeploymentRules.Lookup lookup = new DeploymentRules.Lookup() {

		@Override
		public boolean isBean(String name) {
			return Set.of("knownDelegate", "disciplineAccess").contains(name);
		}

		@Override
		public boolean formDeployed(String formId) {
			return "Form_Deployed".equals(formId);
		}

		@Override
		public boolean formDeployed(String formId, int version) {
			return "Form_Deployed".equals(formId) && version == 2;
		}

	};

	private static String process(String body) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
				  <bpmn:process id="P" isExecutable="true" camunda:historyTimeToLive="P1D">
				%s
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(body);
	}

	private List<String> codes(String bpmn, String... more) {
		Map<String, byte[]> resources = new LinkedHashMap<>();
		resources.put("processes/x/p.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < more.length; i += 2) {
			resources.put(more[i], more[i + 1].getBytes(StandardCharsets.UTF_8));
		}
		return rules.check(resources, lookup).stream().map(finding -> finding.message().code()).toList();
	}

	private static final String GOOD_TASK = "camunda:formRef=\"Form_A\" camunda:formRefBinding=\"deployment\" camunda:assignee=\"${owner}\"";

	@Test
	void shouldAcceptATaskThatKeepsEveryRule() {
		assertThat(codes(process("<bpmn:userTask id=\"T\" " + GOOD_TASK + " />"), "forms/a.form", FORM)).isEmpty();
	}

	@Test
	void shouldRefuseMissingFormsBindingsAndPeople() {
		assertThat(codes(process("<bpmn:userTask id=\"T\" />"))).containsExactly("deployment.check.no-form",
				"deployment.check.no-candidates");
		assertThat(codes(process("<bpmn:userTask id=\"T\" camunda:assignee=\"a\" camunda:formRef=\"${f}\" />")))
			.containsExactly("deployment.check.dynamic-form");
		assertThat(codes(process("<bpmn:userTask id=\"T\" camunda:assignee=\"a\" camunda:formRef=\"Form_Deployed\" />")))
			.containsExactly("deployment.check.binding");
		assertThat(codes(process(
				"<bpmn:userTask id=\"T\" camunda:assignee=\"a\" camunda:formRef=\"Form_Nowhere\" camunda:formRefBinding=\"latest\" />")))
			.containsExactly("deployment.check.binding", "deployment.check.form-missing");
		assertThat(codes(process(
				"<bpmn:userTask id=\"T\" camunda:assignee=\"a\" camunda:formRef=\"Form_Deployed\" camunda:formRefBinding=\"version\" camunda:formRefVersion=\"3\" />")))
			.containsExactly("deployment.check.binding", "deployment.check.form-version-missing");
		assertThat(codes(process(
				"<bpmn:userTask id=\"T\" camunda:assignee=\"a\" camunda:formRef=\"Form_Deployed\" camunda:formRefBinding=\"deployment\" />")))
			.containsExactly("deployment.check.form-not-in-deployment");
		assertThat(codes(process("<bpmn:userTask id=\"T\" " + GOOD_TASK + " />"), "forms/a.form", "{]"))
			.containsExactly("deployment.check.form-invalid", "deployment.check.form-not-in-deployment");
	}

	@Test
	void shouldRefuseUnknownBeansWhereverABeanIsCalled() {
		String listener = """
				<bpmn:userTask id="T" %s camunda:candidateUsers="${disciplineAccess.leaders(execution)}">
				  <bpmn:extensionElements>
				    <camunda:taskListener event="create" delegateExpression="${knownDelegate}" />
				    <camunda:taskListener event="create" expression="${nobody.notify(task)}" />
				    <camunda:taskListener event="complete" delegateExpression="${ghostListener}" />
				    <camunda:executionListener event="end" class="com.example.Listener" />
				  </bpmn:extensionElements>
				</bpmn:userTask>
				<bpmn:serviceTask id="S" camunda:delegateExpression="${missingDelegate}" />
				<bpmn:serviceTask id="E" camunda:expression="${execution.setVariable('a', 1)}" />
				<bpmn:sequenceFlow id="F" sourceRef="T" targetRef="S">
				  <bpmn:conditionExpression>${ghost.decide(execution) and unitCode.toLowerCase() == 'x'}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				""".formatted(GOOD_TASK);
		List<Finding> findings = rules.check(
				Map.of("p.bpmn", process(listener).getBytes(StandardCharsets.UTF_8), "a.form", FORM.getBytes()), lookup);
		assertThat(findings).filteredOn(finding -> finding.message().code().equals("deployment.check.unknown-bean"))
			.extracting(finding -> finding.message().args()[2])
			.containsExactlyInAnyOrder("nobody", "ghostListener", "missingDelegate", "ghost");
		assertThat(findings).extracting(Finding::elementId).containsExactlyInAnyOrder("T", "T", "T", "S", "F");
	}

	@Test
	void shouldRefuseClassesScriptsAndMissingHistoryTimeToLive() {
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
				  <bpmn:process id="P" isExecutable="true">
				    <bpmn:serviceTask id="C" camunda:class="com.example.Evil" />
				    <bpmn:scriptTask id="X" scriptFormat="groovy"><bpmn:script>println 'hi'</bpmn:script></bpmn:scriptTask>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		assertThat(codes(bpmn)).containsExactly("deployment.check.no-ttl", "deployment.check.class",
				"deployment.check.inline-script");
	}

	@Test
	void shouldRequireADueDateWhenThePolicyIsSwitchedOff() {
		String off = """
				<bpmn:userTask id="T" %s %s>
				  <bpmn:extensionElements><camunda:properties>
				    <camunda:property name="zeren.deadline" value="off" />
				    <camunda:property name="zeren.dueIn" value="five days" />
				    <camunda:property name="zeren.escalationCap" value="x" />
				  </camunda:properties></bpmn:extensionElements>
				</bpmn:userTask>
				""";
		assertThat(codes(process(off.formatted(GOOD_TASK, "")), "a.form", FORM)).containsExactly(
				"deployment.check.no-due-date", "deployment.check.bad-duration", "deployment.check.bad-cap");
		assertThat(codes(process(off.formatted(GOOD_TASK, "camunda:dueDate=\"${dueAt}\"")
			.replace("five days", "5WD")
			.replace("\"x\"", "\"3\"")), "a.form", FORM)).isEmpty();
		assertThat(DeploymentRules.isDuration("P30D")).isTrue();
		assertThat(DeploymentRules.isDuration("PT4H")).isTrue();
		assertThat(DeploymentRules.isDuration("10WD")).isTrue();
	}

	@Test
	void shouldPassEveryModelAndFormOfTheProject() throws IOException {
		Map<String, byte[]> resources = new LinkedHashMap<>();
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> files = Files.walk(Path.of(folder))) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter(path -> path.toString().matches(".*\\.(bpmn|dmn|form)$"))
					.toList()) {
					resources.put(file.toString(), Files.readAllBytes(file));
				}
			}
		}
		DeploymentRules.Lookup anyBean = new DeploymentRules.Lookup() {

			@Override
			public boolean isBean(String name) {
				return true;
			}

			@Override
			public boolean formDeployed(String formId) {
				return false;
			}

			@Override
			public boolean formDeployed(String formId, int version) {
				return false;
			}

		};
		assertThat(rules.check(resources, anyBean)).isEmpty();
	}

}

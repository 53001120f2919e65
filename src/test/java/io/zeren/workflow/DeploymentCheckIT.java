package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.support.ApiClient;

/**
 * Every deployment is checked before the engine accepts it: through engine REST (what Camunda Modeler's deploy
 * calls) as the system admin, a model whose form does not exist, that calls an unknown bean or that does not bind
 * its form to the deployment is refused whole with a 400 and the Chinese reasons; a correct one deploys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentCheckIT {

	static final String FORM = """
			{ "id": "Form_CheckFixture", "type": "default", "schemaVersion": 16,
			  "components": [ { "type": "textfield", "id": "Field_Note", "key": "note", "label": "备注" } ] }
			""";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@AfterEach
	void removeOurDeployments() {
		repository.createDeploymentQuery()
			.deploymentName("check-test")
			.list()
			.forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
	}

	static String process(String key, String taskAttributes, String serviceTask) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://zeren.io/test">
				  <bpmn:process id="%1$s" name="检查测试" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_1" />
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Check" />
				    <bpmn:userTask id="Task_Check" name="核对材料" camunda:assignee="lina" %2$s />
				    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="%3$s" />
				    %4$s
				    <bpmn:endEvent id="EndEvent_1" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, taskAttributes, serviceTask.isEmpty() ? "EndEvent_1" : "Task_Service",
				serviceTask.isEmpty() ? ""
						: "<bpmn:serviceTask id=\"Task_Service\" name=\"记录\" camunda:delegateExpression=\"" + serviceTask
								+ "\" /><bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Task_Service\" targetRef=\"EndEvent_1\" />");
	}

	@Test
	void shouldRefuseAFormThatDoesNotExistWithA400AndTheReasonInChinese() throws Exception {
		ResponseEntity<String> answer = deploy(Map.of("check.bpmn",
				process("CheckMissingFormProcess", "camunda:formRef=\"Form_NoSuchForm\" camunda:formRefBinding=\"deployment\"", "")));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode body = new ObjectMapper().readTree(answer.getBody());
		assertThat(body.path("type").asText()).isEqualTo("ParseException");
		assertThat(body.path("message").asText()).contains("部署未通过检查")
			.contains("文件 check.bpmn 中的用户任务 Task_Check 引用的表单“Form_NoSuchForm”不在本次部署中");
		assertThat(body.path("details").path("check.bpmn").path("errors").get(0).path("mainElementId").asText())
			.isEqualTo("Task_Check");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CheckMissingFormProcess").count())
			.isZero();
		assertThat(repository.createDeploymentQuery().deploymentName("check-test").count()).isZero();
	}

	@Test
	void shouldRefuseAnUnknownBeanAndKeepNothingOfTheDeployment() throws Exception {
		ResponseEntity<String> answer = deploy(Map.of("check.bpmn",
				process("CheckUnknownBeanProcess",
						"camunda:formRef=\"Form_CheckFixture\" camunda:formRefBinding=\"deployment\"",
						"${noSuchDelegate}"),
				"check.form", FORM));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(new ObjectMapper().readTree(answer.getBody()).path("message").asText())
			.contains("文件 check.bpmn 中的元素 Task_Service 引用的 Bean“noSuchDelegate”在系统中不存在。");
		assertThat(repository.createDeploymentQuery().deploymentName("check-test").count()).isZero();
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CheckUnknownBeanProcess").count())
			.isZero();
	}

	@Test
	void shouldRefuseAFormNotBoundToTheDeployment() throws Exception {
		ResponseEntity<String> answer = deploy(Map.of("check.bpmn",
				process("CheckLatestBindingProcess", "camunda:formRef=\"Form_CheckFixture\" camunda:formRefBinding=\"latest\"",
						""),
				"check.form", FORM));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(new ObjectMapper().readTree(answer.getBody()).path("message").asText())
			.contains("用户任务 Task_Check 的表单绑定方式必须为“deployment”");
		assertThat(repository.createDeploymentQuery().deploymentName("check-test").count()).isZero();
	}

	@Test
	void shouldGiveEveryReasonAtOnce() throws Exception {
		ResponseEntity<String> answer = deploy(Map.of("check.bpmn",
				process("CheckManyProcess", "", "${noSuchDelegate}")));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(new ObjectMapper().readTree(answer.getBody()).path("message").asText())
			.contains("没有引用表单").contains("noSuchDelegate");
	}

	@Test
	void shouldDeployAModelThatKeepsTheRules() {
		ResponseEntity<String> answer = deploy(Map.of("check.bpmn",
				process("CheckGoodProcess", "camunda:formRef=\"Form_CheckFixture\" camunda:formRefBinding=\"deployment\"",
						"${closeRecordingDelegate}"),
				"check.form", FORM));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CheckGoodProcess").count())
			.isEqualTo(1);
	}

	@Test
	void shouldCheckDeploymentsMadeInsideTheApplicationToo() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> repository.createDeployment()
				.name("check-test")
				.addString("check.bpmn", process("CheckJavaProcess", "camunda:formRef=\"Form_Missing\"", ""))
				.deploy())
			.isInstanceOf(DeploymentRefused.class)
			.hasMessageContaining("Form_Missing");
		assertThat(repository.createDeploymentQuery().deploymentName("check-test").count()).isZero();
	}

	private ResponseEntity<String> deploy(Map<String, String> files) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "check-test");
		parts.add("deployment-source", "Camunda Modeler");
		files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		}));
		return rest.withBasicAuth("admin", ApiClient.ADMIN_PASSWORD)
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
	}

}

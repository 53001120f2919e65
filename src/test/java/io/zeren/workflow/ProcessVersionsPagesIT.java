package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
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

import io.zeren.support.WebappSession;

/**
 * 流程版本 (/admin/processes): the system admin sees every process with its versions; nobody else opens it; a
 * version's running instances move to the latest version after a dry run; an upload goes through the deployment
 * check and shows its reasons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessVersionsPagesIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@AfterEach
	void removeOurDeployments() {
		for (String name : List.of("versions-test", "页面上传测试")) {
			repository.createDeploymentQuery()
				.deploymentName(name)
				.list()
				.forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
		}
	}

	static String twoStepProcess(String firstTask, String secondTask) {
		String second = secondTask == null ? ""
				: """
						<bpmn:userTask id="%1$s" name="复核材料" camunda:formRef="Form_VersionsFixture" camunda:formRefBinding="deployment" camunda:candidateGroups="unit-pol-org" />
						<bpmn:sequenceFlow id="Flow_3" sourceRef="%1$s" targetRef="EndEvent_1" />
						""".formatted(secondTask);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Versions" targetNamespace="http://zeren.io/test">
				  <bpmn:process id="VersionsFixtureProcess" name="版本测试流程" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_1" />
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="%1$s" />
				    <bpmn:userTask id="%1$s" name="核对材料" camunda:formRef="Form_VersionsFixture" camunda:formRefBinding="deployment" camunda:candidateGroups="unit-pol-org" />
				    <bpmn:sequenceFlow id="Flow_2" sourceRef="%1$s" targetRef="%2$s" />
				    %3$s
				    <bpmn:endEvent id="EndEvent_1" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(firstTask, secondTask == null ? "EndEvent_1" : secondTask, second);
	}

	static final String FORM = """
			{ "id": "Form_VersionsFixture", "type": "default", "schemaVersion": 16,
			  "components": [ { "type": "textfield", "id": "Field_Note", "key": "note", "label": "备注" } ] }
			""";

	private ProcessDefinition deploy(String bpmn) {
		String id = repository.createDeployment()
			.name("versions-test")
			.addString("versions.bpmn", bpmn)
			.addString("versions.form", FORM)
			.deploy()
			.getId();
		return repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
	}

	@Test
	void shouldShowTheAdminEveryProcessWithItsVersions() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
		ResponseEntity<String> page = admin.get("/admin/processes");

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("流程版本", "交办事项", "运行中实例", "部署流程与表单", "应用启动部署")
			.doesNotContain("SpringAutoDeployment", "null");
	}

	@Test
	void shouldRefuseEveryoneButTheSystemAdmin() {
		for (String user : List.of("lina", "secadmin")) {
			WebappSession session = WebappSession.login(rest, user, "tasklist");
			ResponseEntity<String> page = session.get("/admin/processes");
			assertThat(page.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(page.getBody()).as(user).contains("只有系统管理员可以管理流程版本");
		}
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("definitionId", "AssignedWorkProcess:1");
		assertThat(lina.postForm("/admin/processes/migrations", fields).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldMigrateRunningInstancesAfterADryRun() {
		ProcessDefinition first = deploy(twoStepProcess("Task_Check", null));
		String one = runtime.startProcessInstanceById(first.getId()).getId();
		String two = runtime.startProcessInstanceById(first.getId()).getId();
		ProcessDefinition second = deploy(twoStepProcess("Task_Check", "Task_Review"));
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");

		ResponseEntity<String> list = admin.get("/admin/processes");
		assertThat(list.getBody()).contains("版本测试流程", "迁移到第 " + second.getVersion() + " 版（预演）");

		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("definitionId", first.getId());
		ResponseEntity<String> preview = admin.postForm("/admin/processes/migrations/preview", fields);
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(preview.getBody()).contains("迁移预演：版本测试流程", "该版本运行中的实例：2 个", "“核对材料” → “核对材料”",
				"预演通过：2 个实例都可以迁移到第 " + second.getVersion() + " 版");
		// The dry run changed nothing.
		assertThat(runtime.createProcessInstanceQuery().processDefinitionId(first.getId()).count()).isEqualTo(2);

		ResponseEntity<String> done = admin.postForm("/admin/processes/migrations", fields);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(one, two)).list())
			.allSatisfy(instance -> assertThat(instance.getProcessDefinitionId()).isEqualTo(second.getId()));
		assertThat(admin.get("/admin/processes").getBody())
			.contains("已将“版本测试流程”第 " + first.getVersion() + " 版的 2 个运行中实例迁移到第 " + second.getVersion() + " 版");
	}

	@Test
	void shouldReportPerStepWhyInstancesCannotMove() {
		ProcessDefinition first = deploy(twoStepProcess("Task_Check", null));
		runtime.startProcessInstanceById(first.getId());
		deploy(twoStepProcess("Task_Renamed", null));
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("definitionId", first.getId());

		ResponseEntity<String> preview = admin.postForm("/admin/processes/migrations/preview", fields);
		assertThat(preview.getBody()).contains("步骤“核对材料”：有 1 个实例停在这一步，新版本中没有相同编号的步骤，不能迁移。")
			.doesNotContain("migration-execute");

		ResponseEntity<String> refused = admin.postForm("/admin/processes/migrations", fields);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("没有迁移任何实例");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionId(first.getId()).count()).isEqualTo(1);
	}

	@Test
	void shouldDeployAnUploadedSetOnlyWhenItPassesTheCheck() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
		String bpmn = twoStepProcess("Task_Check", null).replace("VersionsFixtureProcess", "UploadFixtureProcess");

		ResponseEntity<String> refused = upload(admin, "页面上传测试", "upload.bpmn", bpmn, null);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("没有部署任何内容",
				"文件 upload.bpmn 中的用户任务 Task_Check 引用的表单“Form_VersionsFixture”不在本次部署中", "页面上传测试");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("UploadFixtureProcess").count()).isZero();

		ResponseEntity<String> done = upload(admin, "页面上传测试", "upload.bpmn", bpmn, FORM);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("UploadFixtureProcess").count())
			.isEqualTo(1);
		assertThat(admin.get("/admin/processes").getBody()).contains("已部署“页面上传测试”", "流程版本页面");
	}

	private ResponseEntity<String> upload(WebappSession session, String name, String file, String bpmn, String form) {
		Matcher token = CSRF.matcher(session.get("/admin/processes").getBody());
		assertThat(token.find()).isTrue();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session.cookie("JSESSIONID"));
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("_csrf", token.group(1));
		parts.add("name", name);
		parts.add("files", file(file, bpmn));
		if (form != null) {
			parts.add("files", file("upload.form", form));
		}
		return rest.withRedirects(Redirects.DONT_FOLLOW)
			.exchange("/admin/processes/deployments", HttpMethod.POST, new HttpEntity<>(parts, headers),
				String.class);
	}

	private static ByteArrayResource file(String name, String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

}

package io.zeren;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What admins edit in Modeler is what runs: every BPMN, DMN and form under processes/ and forms/ is
 * deployed, every formRef names a form that exists, and every ${bean} a model calls is a Spring bean.
 */
@SpringBootTest
class DeploymentIT {

	private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");

	private static final Pattern BEAN = Pattern.compile("camunda:(?:delegateExpression|expression)=\"\\$\\{(\\w+)[.}]");

	@Autowired
	RepositoryService repository;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldDeployEveryModelAndForm() throws IOException {
		Set<String> deployed = new HashSet<>();
		for (Deployment deployment : repository.createDeploymentQuery().list()) {
			for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
				deployed.add(resource.getName().replace('\\', '/'));
			}
		}
		for (Path file : files("processes", ".bpmn", ".dmn")) {
			assertThat(deployed).as("deployed " + file).anyMatch(name -> name.endsWith(relative(file)));
		}
		for (Path file : files("forms", ".form")) {
			assertThat(deployed).as("deployed " + file).anyMatch(name -> name.endsWith(relative(file)));
		}
	}

	@Test
	void shouldResolveEveryFormRefAndBean() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Set<String> formIds = new HashSet<>();
		for (Path form : files("forms", ".form")) {
			formIds.add(json.readTree(form.toFile()).path("id").asText());
		}
		for (Path model : files("processes", ".bpmn")) {
			String xml = Files.readString(model);
			Matcher formRef = FORM_REF.matcher(xml);
			while (formRef.find()) {
				assertThat(formIds).as(model + " formRef").contains(formRef.group(1));
			}
			Matcher bean = BEAN.matcher(xml);
			while (bean.find()) {
				assertThat(context.containsBean(bean.group(1))).as(model + " bean " + bean.group(1)).isTrue();
			}
		}
	}

	private static String relative(Path file) {
		return file.toString().replace('\\', '/');
	}

	private static List<Path> files(String folder, String... suffixes) throws IOException {
		Path root = Path.of(folder);
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile)
				.filter(path -> Stream.of(suffixes).anyMatch(suffix -> path.toString().endsWith(suffix)))
				.toList();
		}
	}

}

package io.zeren.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.Test;

/** Rows submitted as a Json variable reach a task listener as Tasklist submits them (engine with Spin). */
class FormRowsEngineTests {

	record Row(String title, Integer weight) {
	}

	static final List<List<Row>> SEEN = new ArrayList<>();

	@Test
	void shouldReadTheRowsOfACompletedTask() {
		StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
		config.setJdbcUrl("jdbc:h2:mem:formrows;DB_CLOSE_DELAY=-1");
		config.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
		config.setProcessEngineName("formrows");
		ProcessEngine engine = config.buildProcessEngine();
		try {
			engine.getRepositoryService().createDeployment().addModelInstance("rows.bpmn",
					Bpmn.createExecutableProcess("rows").startEvent().userTask("edit")
						.camundaTaskListenerClass("complete", Listener.class.getName()).endEvent().done())
				.deploy();
			engine.getRuntimeService().startProcessInstanceByKey("rows", Map.of("rows", FormRows.json(List.of())));
			Task task = engine.getTaskService().createTaskQuery().singleResult();
			engine.getTaskService().complete(task.getId(),
					Map.of("rows", FormRows.json(List.of(Map.of("title", "谈心谈话", "weight", 30)))));
			assertThat(SEEN).containsExactly(List.of(new Row("谈心谈话", 30)));
		}
		finally {
			engine.close();
		}
	}

	public static class Listener implements org.camunda.bpm.engine.delegate.TaskListener {

		@Override
		public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
			SEEN.add(FormRows.rows(task, "rows", Row.class));
		}

	}

}

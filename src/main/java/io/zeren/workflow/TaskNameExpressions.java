package io.zeren.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import io.zeren.shared.TaskNames;

/**
 * A user task's name from its {@code zeren.name} camunda property ({@link TaskNames#PROPERTY_NAME}), an expression
 * the engine resolves when it creates the task, as it would a name attribute with an expression. The BPMN name
 * stays plain: diagrams (Tasklist's diagram tab, Cockpit, Modeler) show the name attribute as written, so an
 * expression there would show as {@code 办理：${workTitle}}. A task without the property keeps its BPMN name.
 * Being the engine's own name, it is what history, mails and every list show, from the first event on.
 */
public class TaskNameExpressions extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
		listeners.add(new Listener());
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	/** Also registered on its own in the process tests' engine (zeren-process-test.cfg.xml). */
	public static class Listener extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			String expression = property(userTaskElement);
			if (expression != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
				Expression resolved = Context.getProcessEngineConfiguration().getExpressionManager()
					.createExpression(expression);
				behavior.getTaskDefinition()
					.setNameExpression(new OrPlainName(resolved, userTaskElement.attribute("name")));
			}
		}

		/**
		 * An instance started before its process named its tasks so (or migrated to such a version) lacks the
		 * context variables: its tasks keep the plain BPMN name instead of failing to be created.
		 */
		record OrPlainName(Expression resolved, String plain) implements Expression {

			@Override
			public Object getValue(VariableScope scope) {
				try {
					return resolved.getValue(scope);
				}
				catch (ProcessEngineException ex) {
					return plain;
				}
			}

			@Override
			public void setValue(Object value, VariableScope scope) {
				throw new UnsupportedOperationException("a task name expression is read only");
			}

			@Override
			public String getExpressionText() {
				return resolved.getExpressionText();
			}

			@Override
			public boolean isLiteralText() {
				return false;
			}

		}

		static String property(Element userTaskElement) {
			Element extensions = userTaskElement.element("extensionElements");
			Element properties = extensions == null ? null
					: extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
			if (properties == null) {
				return null;
			}
			for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
				if (TaskNames.PROPERTY_NAME.equals(property.attribute("name"))) {
					String value = property.attribute("value");
					return value == null || value.isBlank() ? null : value;
				}
			}
			return null;
		}

	}

}

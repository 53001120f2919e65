package io.zeren.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link DeploymentCheck}: all reasons as sentences. It is a {@link ParseException} so that
 * engine REST answers it like any model the engine cannot parse: 400 with {@code type}, {@code message} (every
 * sentence) and {@code details} per file (each reason with its line and element), which Camunda Modeler shows in
 * its deploy dialog.
 */
public class DeploymentRefused extends ParseException {

	private static final long serialVersionUID = 1L;

	private final List<String> reasons;

	DeploymentRefused(String message, List<String> reasons, Map<String, List<Problem>> problemsByResource) {
		super(message, problemsByResource.keySet().stream().findFirst().orElse(""),
				problemsByResource.values().stream().findFirst().orElse(List.of()), List.of());
		this.reasons = List.copyOf(reasons);
		List<ResourceReport> reports = new ArrayList<>();
		new LinkedHashMap<>(problemsByResource).forEach((resource, problems) -> reports.add(new Report(resource, problems)));
		this.resorceReports = reports;
	}

	/** The sentences, one per reason, in the order found. */
	public List<String> reasons() {
		return reasons;
	}

	record Report(String resourceName, List<Problem> errors) implements ResourceReport {

		@Override
		public String getResourceName() {
			return resourceName;
		}

		@Override
		public List<Problem> getErrors() {
			return errors;
		}

		@Override
		public List<Problem> getWarnings() {
			return List.of();
		}

	}

	record Reason(String message, int line, int column, String mainElementId) implements Problem {

		@Override
		public String getMessage() {
			return message;
		}

		@Override
		public int getLine() {
			return line;
		}

		@Override
		public int getColumn() {
			return column;
		}

		@Override
		public String getMainElementId() {
			return mainElementId;
		}

		@Override
		public List<String> getElementIds() {
			return mainElementId == null ? List.of() : List.of(mainElementId);
		}

	}

}

package io.zeren.shared;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One section of a task's story (the 业务详情 tab of Tasklist): the business object the task is about, contributed
 * by the module that owns it. Like {@link HomeCard}, the template and fragment render it (the fragment takes one
 * parameter, {@code section}, this record); sections are ordered by {@link #order()}, lowest first.
 */
public record TaskStory(int order, String template, String fragment, Map<String, Object> model) {

	/**
	 * What a task is about, as the workflow module reads it from the engine (as the system, after checking that the
	 * viewer may see the task): its process, business key, and the process instance's variables. {@code person} and
	 * {@code year} are the instance's {@code username} and {@code year} variables where it has them (the person and
	 * the year a list, an assessment or a self-report concern).
	 */
	public record Subject(String taskId, String taskName, String taskDefinitionKey, String processKey,
			String processInstanceId, String businessKey, Map<String, Object> variables) {

		public Optional<String> person() {
			return variables.get("username") instanceof String person && !person.isBlank() ? Optional.of(person)
					: Optional.empty();
		}

		public Optional<Integer> year() {
			return variables.get("year") instanceof Number year ? Optional.of(year.intValue()) : Optional.empty();
		}

		/** A variable of the process instance as text; empty when it is missing or blank. */
		public Optional<String> text(String name) {
			Object value = variables.get(name);
			return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
		}

	}

	/**
	 * Contributes the business object of tasks of its module's processes; answers empty for subjects it does not
	 * own. Called only after the workflow module has checked that the viewer may see the task; a module with
	 * confidential content applies and audits its own read rules here.
	 */
	public interface Source {

		Optional<TaskStory> storyOf(Subject subject, String viewer, Set<String> groups);

		/**
		 * The viewer was refused the story of a task about this subject (the security audit trail has it already): a
		 * module whose reads are audited on a trail of its own records the refused read there too.
		 */
		default void refused(Subject subject, String viewer) {
		}

		/**
		 * Whether the viewer may read the decisions and comments of earlier steps: false for a confidential subject
		 * whose file the viewer may not read (the fields of earlier forms are part of it).
		 */
		default boolean mayReadHistory(Subject subject, String viewer) {
			return true;
		}

	}

}

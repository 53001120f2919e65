package io.zeren.shared;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Structured data between Camunda Forms and Zeren. Tasklist submits a form's rows ({@code dynamiclist}) as a
 * variable of type Json (a JSON array of objects) and fills a select's options ({@code valuesKey}) from a Json
 * variable of {@code label}/{@code value} objects. Zeren writes such variables with {@link #json(Object)} and reads
 * rows back as plain records with {@link #rows(VariableScope, String, Class)}, never as Java objects a client could
 * name: the JSON text is bound by Jackson to the record type the use case asks for, unknown fields ignored.
 */
public final class FormRows {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
		.build();

	private FormRows() {
	}

	/** One option of a form select: what the person reads and the value the form submits. */
	public record Choice(String label, String value) {
	}

	/** A Json variable holding {@code value} (a list of rows or of {@link Choice}s) as JSON text. */
	public static TypedValue json(Object value) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not writable as JSON: " + value.getClass().getName(), ex);
		}
	}

	/**
	 * The rows of a form's list variable bound to {@code type}; empty when the variable is absent or empty. A
	 * value that is not a JSON array of objects (a client that sent something else) is refused with the sentence
	 * {@code form.rows.malformed}.
	 */
	public static <T> List<T> rows(VariableScope scope, String name, Class<T> type) {
		TypedValue typed = scope.getVariableTyped(name, false);
		if (typed == null) {
			return List.of();
		}
		// A Json value not deserialized answers only its text (its getValue() is not to be asked).
		if (typed instanceof SerializableValue serializable) {
			return parse(name, serializable.getValueSerialized(), type);
		}
		Object value = typed.getValue();
		return value == null ? List.of() : parse(name, value.toString(), type);
	}

	/** The rows in {@code text} (a JSON array of objects) bound to {@code type}. */
	public static <T> List<T> parse(String name, String text, Class<T> type) {
		if (text == null || text.isBlank() || "null".equals(text.trim())) {
			return List.of();
		}
		JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
		try {
			List<T> rows = JSON.readValue(text, listType);
			return rows == null ? List.of() : rows.stream().filter(java.util.Objects::nonNull).toList();
		}
		catch (JsonProcessingException malformed) {
			throw new RuleViolationException(new Msg("form.rows.malformed"));
		}
	}

}

package io.zeren.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;

class FormRowsTests {

	record Row(String title, Integer weight) {
	}

	@Test
	void shouldBindRowsToTheAskedTypeIgnoringFieldsItDoesNotName() {
		List<Row> rows = FormRows.parse("items",
				"[{\"title\":\"学习\",\"weight\":30,\"@class\":\"java.io.File\"},{\"title\":\"谈话\"}]", Row.class);

		assertThat(rows).containsExactly(new Row("学习", 30), new Row("谈话", null));
	}

	@Test
	void shouldReadNothingFromAnAbsentOrEmptyValue() {
		assertThat(FormRows.parse("items", null, Row.class)).isEmpty();
		assertThat(FormRows.parse("items", " ", Row.class)).isEmpty();
		assertThat(FormRows.parse("items", "null", Row.class)).isEmpty();
		assertThat(FormRows.parse("items", "[]", Row.class)).isEmpty();
	}

	@Test
	void shouldRefuseWhatIsNotAListOfRowsWithASentence() {
		assertThatThrownBy(() -> FormRows.parse("items", "标题 | 目标", Row.class))
			.isInstanceOf(RuleViolationException.class)
			.satisfies(ex -> assertThat(((RuleViolationException) ex).violations())
				.containsExactly(new Msg("form.rows.malformed")));
		assertThatThrownBy(() -> FormRows.parse("items", "{\"title\":\"x\"}", Row.class))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void shouldWriteChoicesAsAJsonVariableTasklistReadsForASelect() {
		var value = (SerializableValue) FormRows.json(List.of(new FormRows.Choice("李娜（组织干部科·科员）", "lina")));

		assertThat(value.getValueSerialized()).isEqualTo("[{\"label\":\"李娜（组织干部科·科员）\",\"value\":\"lina\"}]");
		assertThat(value.getType().getName()).isEqualTo("json");
	}

}

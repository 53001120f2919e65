package io.zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class MailModelTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldStoreALongChineseModelInPartsThatFitFourThousandBytes() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("title", "关于2025年度考核结果的通知");
		model.put("text", "党风廉政建设责任制落实情况".repeat(400));
		model.put("items", List.of(Map.of("taskId", "42", "due", "2025-03-14 17:00")));

		List<String> parts = MailModel.toParts(json, model);

		assertThat(parts).hasSizeGreaterThan(5);
		assertThat(parts).allSatisfy(part -> {
			assertThat(part.length()).isLessThanOrEqualTo(MailModel.PART_LENGTH);
			assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4000);
		});
		assertThat(MailModel.fromParts(json, parts)).isEqualTo(model);
	}

	@Test
	void shouldNotCutASurrogatePairInHalf() {
		String text = "a".repeat(MailModel.PART_LENGTH - 1) + "😀" + "b";

		List<String> parts = MailModel.split(text);

		assertThat(parts.get(0)).hasSize(MailModel.PART_LENGTH - 1);
		assertThat(parts.get(1)).startsWith("😀");
		assertThat(String.join("", parts)).isEqualTo(text);
	}

	@Test
	void shouldStoreAnEmptyModel() {
		assertThat(MailModel.fromParts(json, MailModel.toParts(json, Map.of()))).isEmpty();
	}

}

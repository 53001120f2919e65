package io.zeren.responsibility;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import io.zeren.support.ApiClient;

/**
 * A year whose lists are issued (the demo agency's whole staff) and lina's signed: what the list pages' ITs need.
 * The engine clock then stands on 1 May of that year, so that evidence dates fall in it.
 */
final class ListFixture {

	private ListFixture() {
	}

	/** Opens, approves, confirms and kicks off {@code year}; lina signs her list. Returns her list's id. */
	static long signedListOfLina(TestRestTemplate rest, CycleDriver driver, int year) {
		var opened = ApiClient.as(rest, "liuzhiqiang").send(HttpMethod.POST, "/api/cycles", Map.of("year", year));
		if (opened.getStatusCode() != HttpStatus.CREATED) {
			throw new IllegalStateException("cannot open " + year + ": " + opened);
		}
		driver.approveAndConfirmUnits(year);
		driver.runKickOffJob(year);
		Task review = driver.tasks().createTaskQuery().processInstanceBusinessKey(year + ":lina")
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST).singleResult();
		driver.tasks().complete(review.getId(), Map.of("listDecision", "sign"));
		ClockUtil.setCurrentTime(Date.from(Instant.parse(year + "-05-01T02:00:00Z")));
		return listOf(driver, year, "lina");
	}

	static long listOf(CycleDriver driver, int year, String username) {
		return driver.jdbc().queryForObject("select p.id from zr_pers_list p join zr_resp_cycle c on c.id = p.cycle_id "
				+ "where c.cycle_year = ? and p.username = ?", Long.class, year, username);
	}

	static long itemOf(CycleDriver driver, long listId, int sortNo) {
		return driver.jdbc().queryForObject("select id from zr_resp_item where owner_kind = 'PERSONAL' and owner_id = ? "
				+ "and sort_no = ?", Long.class, listId, sortNo);
	}

	/** A small PDF: what the type check reads is its first bytes. */
	static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}

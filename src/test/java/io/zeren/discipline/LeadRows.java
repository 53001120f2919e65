package io.zeren.discipline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lead rows with fixed ids for integration tests that start from a lead already disposed of (the case
 * process, accountability): the real {@code CaseParties} reads subject and informant from them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LeadRows {

	private final JdbcTemplate jdbc;

	LeadRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void put(long leadId, String subject, String informant, String subjectUnit) {
		remove(leadId);
		Instant now = Instant.now();
		jdbc.update("""
				insert into zr_dis_lead (id, lead_number, lead_year, source, source_ref, subject_username, unit_code,
				  title, summary, received_on, informant_name, informant_username, status, registered_by,
				  registered_at, version)
				values (?, ?, ?, 'LETTER_REPORT', ?, ?, ?, ?, ?, ?, ?, ?, 'FILING_PROPOSED', 'zhaolei', ?, 0)""",
				leadId, "TEST-" + leadId, LocalDate.now().getYear(), "test:" + leadId, subject, subjectUnit,
				"测试线索 " + leadId, "测试线索摘要", java.sql.Date.valueOf(LocalDate.now()),
				informant == null ? null : "举报人", informant, Timestamp.from(now));
	}

	public void remove(long leadId) {
		jdbc.update("delete from zr_dis_lead_text where entry_id in (select id from zr_dis_lead_entry where lead_id = ?)",
				leadId);
		jdbc.update("delete from zr_dis_lead_entry where lead_id = ?", leadId);
		jdbc.update("delete from zr_dis_participant where lead_id = ?", leadId);
		jdbc.update("delete from zr_dis_lead where id = ?", leadId);
	}

}

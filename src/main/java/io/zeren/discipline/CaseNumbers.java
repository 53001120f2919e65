package io.zeren.discipline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Numbers for leads, cases and the other discipline records, from a pattern per series in configuration
 * ({@code zeren.discipline.numbering.<series>}, e.g. {@code 纪线〔{year}〕{seq:4}号}). Tokens: {@code {year}}, {@code {seq}}
 * or {@code {seq:N}} (zero-padded to N digits). The running number restarts every year and never repeats: it is
 * taken under a row lock in the caller's transaction, so a rolled-back registration gives its number back.
 */
@Component
public class CaseNumbers {

	private static final Pattern TOKEN = Pattern.compile("\\{(year|seq)(?::(\\d))?}");

	private final JdbcTemplate jdbc;

	private final Map<String, String> patterns;

	private final ZoneId zone;

	CaseNumbers(JdbcTemplate jdbc, DisciplineProperties properties,
			@Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.patterns = properties.numbering();
	}

	/** The next number of a series for the current year (engine clock). */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String series) {
		int year = LocalDate.ofInstant(EngineClock.now(), zone).getYear();
		String pattern = patterns.get(series);
		if (pattern == null || !pattern.contains("{seq")) {
			throw new RuleViolationException(new Msg("discipline.numbering.pattern", series, String.valueOf(pattern)));
		}
		int seq = take(series, year);
		return format(pattern, year, seq);
	}

	static String format(String pattern, int year, int seq) {
		Matcher token = TOKEN.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (token.find()) {
			String value;
			if (token.group(1).equals("year")) {
				value = String.valueOf(year);
			}
			else {
				int width = token.group(2) == null ? 1 : Integer.parseInt(token.group(2));
				value = String.format("%0" + width + "d", seq);
			}
			token.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		token.appendTail(out);
		return out.toString();
	}

	private int take(String series, int year) {
		int updated = jdbc.update("update zr_dis_counter set last_value = last_value + 1 where series = ? and cycle_year = ?",
				series, year);
		if (updated == 0) {
			try {
				jdbc.update("insert into zr_dis_counter (series, cycle_year, last_value) values (?, ?, 1)", series, year);
				return 1;
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				jdbc.update("update zr_dis_counter set last_value = last_value + 1 where series = ? and cycle_year = ?",
						series, year);
			}
		}
		return jdbc.queryForObject("select last_value from zr_dis_counter where series = ? and cycle_year = ?",
				Integer.class, series, year);
	}

}

package io.zeren.discipline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.shared.HomeCard;

/**
 * The home page's card 处分/处理决定 for the person a decision is addressed to: their own sanctions in force (kind,
 * start, end) and the accountability decisions delivered to them in the last year (measure, day delivered) —
 * nothing else of the case. Nobody else gets the card. Two indexed queries by username (zr_dis_sanction_user_ix,
 * zr_dis_acct_ldr_user_ix); the person reads what is addressed to them, which is not a read of the case file.
 */
@Component
class MyDecisionsCard implements HomeCard.Source {

	static final int ORDER = 40;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final SanctionRepository sanctions;

	private final AccountableLeaderRepository leaders;

	private final ZoneId zone;

	MyDecisionsCard(SanctionRepository sanctions, AccountableLeaderRepository leaders,
			@Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.sanctions = sanctions;
		this.leaders = leaders;
		this.zone = zone;
	}

	/** One decision: the message key of its kind, its start and end days (end null = no fixed end). */
	record Line(String kindKey, String start, String end, boolean accountability) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<HomeCard> cardsFor(String username, Set<String> groups) {
		Instant now = EngineClock.now();
		List<Line> lines = new ArrayList<>();
		for (Sanction s : sanctions.findByUsernameAndStatusOrderByStartsAtDesc(username, SanctionStatus.IN_FORCE)) {
			if (s.inForceAt(now)) {
				lines.add(new Line("discipline.outcome." + s.getKind().name(), day(s.getStartsAt()), day(s.getEndsAt()),
						false));
			}
		}
		for (AccountableLeader leader : leaders.deliveredTo(username, now.atZone(zone).minusYears(1).toInstant())) {
			LeaderMeasure measure = leader.getDecidedMeasure();
			if (measure != null && measure != LeaderMeasure.NONE) {
				lines.add(new Line("discipline.label.measure." + measure.name(), day(leader.getDeliveredAt()), null, true));
			}
		}
		if (lines.isEmpty()) {
			return List.of();
		}
		return List.of(new HomeCard(ORDER, "discipline/cards", "decisions", Map.of("decisions", lines)));
	}

	private String day(Instant instant) {
		return instant == null ? null : DAY.format(instant.atZone(zone));
	}

}

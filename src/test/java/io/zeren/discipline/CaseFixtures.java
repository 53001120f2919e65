package io.zeren.discipline;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.zeren.calendar.WorkingCalendar;
import io.zeren.identity.SystemAuthentication;
import io.zeren.notification.Notifications;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitRole;

/** The real case and sanction services for process tests, over mocked repositories, directory and mail. */
final class CaseFixtures {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final CaseProperties CASE_POLICY = new CaseProperties("P90D", "P30D", "P30D", "P1M", "Asia/Shanghai");

	static final SanctionProperties SANCTION_POLICY = new SanctionProperties(
			Map.of("WARNING", "P6M", "DEMERIT", "P12M", "MAJOR_DEMERIT", "P18M", "PARTY_WARNING", "P1Y"),
			Map.of("PARTY_WARNING", "P1Y", "ADMONITION", "P6M"));

	final CaseRepository caseRepository = mock(CaseRepository.class);

	final SanctionRepository sanctionRepository = mock(SanctionRepository.class);

	final DisciplineAudit audit = mock(DisciplineAudit.class);

	final OrganisationDirectory directory = mock(OrganisationDirectory.class);

	final WorkingCalendar calendar = mock(WorkingCalendar.class);

	final SystemAuthentication system = mock(SystemAuthentication.class);

	final Notifications notifications = mock(Notifications.class);

	final CaseMessages messages = new CaseMessages(messageSource());

	/** Starts what it is asked to and remembers each sanction's term instance, as the real record does. */
	final DisciplineInstances instances = mock(DisciplineInstances.class);

	private final Map<Long, List<String>> terms = new HashMap<>();

	/** What each instance started through {@link #instances} belongs to; anything else is the one test case. */
	private final Map<String, DisciplineInstance.Link> links = new HashMap<>();

	@SuppressWarnings("unchecked")
	CaseFixtures(boolean partyMember) {
		when(instances.start(anyString(), any(), any())).thenAnswer(call -> {
			ProcessInstance started = ((Supplier<ProcessInstance>) call.getArgument(2)).get();
			DisciplineInstance.Link link = call.getArgument(1);
			links.put(started.getId(), link);
			if (link.sanctionId() != null) {
				terms.computeIfAbsent(link.sanctionId(), id -> new ArrayList<>()).add(started.getId());
			}
			return started;
		});
		when(instances.of(any())).thenAnswer(call -> {
			Object scope = call.getArgument(0);
			String id = scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution
					? execution.getProcessInstanceId()
					: ((org.camunda.bpm.engine.delegate.DelegateTask) scope).getProcessInstanceId();
			DisciplineInstance.Link link = links.getOrDefault(id, DisciplineInstance.Link.caseOf(7L, 1L));
			return Optional.of(new DisciplineInstance(id, id, DisciplineProcesses.CASE, link, null, Instant.now()));
		});
		when(instances.instancesOfSanction(anyLong()))
			.thenAnswer(call -> terms.getOrDefault((Long) call.getArgument(0), List.of()));
		when(calendar.plus(any(Instant.class), anyString())).thenAnswer(
				call -> ((Instant) call.getArgument(0)).atZone(ZONE).plus(Period.parse(call.getArgument(1))).toInstant());
		doAnswer(call -> {
			((Runnable) call.getArgument(0)).run();
			return null;
		}).when(system).run(any());
		StaffInfo huangxin = new StaffInfo("huangxin", "黄鑫", "OPS-1", "一大队", "民警", StaffCategory.NON_LEADING_CADRE,
				UnitRole.MEMBER, partyMember, "huangxin@zeren.example", true);
		StaffInfo zhengyang = new StaffInfo("zhengyang", "郑阳", "OPS-1", "一大队", "大队长", StaffCategory.LEADING_CADRE,
				UnitRole.HEAD, true, "zhengyang@zeren.example", true);
		when(directory.findStaffInfo("huangxin")).thenReturn(Optional.of(huangxin));
		when(directory.head("OPS-1")).thenReturn(Optional.of(zhengyang));
	}

	/** One case the repository finds by any id. */
	DisciplineCase oneCase(DisciplineCase c) {
		when(caseRepository.findById(anyLong())).thenReturn(Optional.of(c));
		when(caseRepository.findByLeadId(anyLong())).thenReturn(List.of(c));
		return c;
	}

	DisciplineCases cases(Sanctions sanctions, RuntimeService runtime) {
		return new DisciplineCases(caseRepository, mock(CaseNumbers.class), audit, directory, calendar, runtime, system,
				notifications, sanctions, io.zeren.shared.LivePolicy.fixed(CASE_POLICY), messages, instances);
	}

	Sanctions sanctions(RuntimeService runtime) {
		return new Sanctions(sanctionRepository, caseRepository, io.zeren.shared.LivePolicy.fixed(SANCTION_POLICY),
				io.zeren.shared.LivePolicy.fixed(CASE_POLICY), audit, runtime, system,
				notifications, directory, messages, instances);
	}

	static ResourceBundleMessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static DisciplineCase newCase(Instant now) {
		DisciplineCase c = new DisciplineCase("纪案〔2051〕0001号", 7L, "huangxin", "OPS-1", "反映违规收受礼品问题", "初步核实：属实",
				"zhaolei", now);
		org.springframework.test.util.ReflectionTestUtils.setField(c, "id", 1L);
		return c;
	}

}

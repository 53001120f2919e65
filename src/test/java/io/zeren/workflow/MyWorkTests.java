package io.zeren.workflow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import io.zeren.identity.GroupIds;
import io.zeren.identity.SystemAuthentication;
import io.zeren.identity.Viewer;
import io.zeren.organisation.StaffInfo;

/**
 * 我发起的 leaves the confidential processes out of everyone's list but the discipline office's, in the query itself
 * (so the count and the pages agree). Zeren starts those processes as the system today, so no person is their start
 * user; this keeps it so should one ever be started from Tasklist.
 */
class MyWorkTests {

	HistoryService history = mock(HistoryService.class);

	HistoricProcessInstanceQuery query = mock(HistoricProcessInstanceQuery.class, RETURNS_SELF);

	MyWork work;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		when(history.createHistoricProcessInstanceQuery()).thenReturn(query);
		SystemAuthentication system = mock(SystemAuthentication.class);
		when(system.call(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
		ObjectProvider<ConfidentialProcesses> confidential = mock(ObjectProvider.class);
		when(confidential.orderedStream()).thenAnswer(call -> Stream.of(new ConfidentialProcesses() {

			@Override
			public Set<String> processKeys() {
				return Set.of("DisciplineCaseProcess", "LeadDisposalProcess");
			}

			@Override
			public List<StaffInfo> escalationChain(String processInstanceId, String owner) {
				return List.of();
			}

		}));
		work = new MyWork(history, mock(RepositoryService.class), system, confidential, new DeadlineProperties(true,
				"standard", Duration.ofHours(4), "Asia/Shanghai", Duration.ofMinutes(5), Duration.ofSeconds(30), "18:00"));
	}

	@Test
	void shouldLeaveConfidentialProcessesOutOfWhatStaffStarted() {
		work.started(viewer(GroupIds.ALL_STAFF), 1);

		verify(query, org.mockito.Mockito.times(2)).startedBy("lina");
		verify(query, org.mockito.Mockito.times(2))
			.processDefinitionKeyNotIn(List.of("DisciplineCaseProcess", "LeadDisposalProcess"));
	}

	@Test
	void shouldShowTheDisciplineOfficeItsOwn() {
		work.started(viewer(GroupIds.ALL_STAFF, GroupIds.role("DISCIPLINE")), 1);

		verify(query, never()).processDefinitionKeyNotIn(anyList());
	}

	private static Viewer viewer(String... groups) {
		return new Viewer("lina", "李娜", "POL-ORG", "组织干部科", "科员", Set.of(groups));
	}

}

package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;

/**
 * Which new tasks an out-of-office substitute is added to: those whose every candidate is away, never a confidential
 * (discipline) task nor a personal one, and not when someone who may claim it is present.
 */
class DelegationCoverTests {

	private final Delegations delegations = mock(Delegations.class);

	private final PersonalTasks personal = mock(PersonalTasks.class);

	private final TaskDeadlines deadlines = mock(TaskDeadlines.class);

	private final OrganisationDirectory directory = mock(OrganisationDirectory.class);

	private final JdbcTemplate jdbc = mock(JdbcTemplate.class);

	private DelegationCover cover;

	@BeforeEach
	void setUp() {
		cover = new DelegationCover(delegations, mock(DelegationRepository.class), mock(TaskService.class),
				mock(IdentityService.class), mock(AuthorizationService.class), mock(SystemAuthentication.class), personal,
				deadlines, directory, mock(TaskById.class), jdbc, mock(ApplicationEventPublisher.class),
				mock(PlatformTransactionManager.class));
		StaffInfo active = mock(StaffInfo.class);
		when(active.active()).thenReturn(true);
		when(directory.cachedStaffInfo(anyString())).thenReturn(Optional.of(active));
		when(deadlines.confidentialFor(anyString())).thenReturn(Optional.empty());
		when(delegations.anyoneMayBeAway()).thenReturn(true);
		when(delegations.mayBeAway("chenjing")).thenReturn(true);
		when(delegations.activeFor("chenjing")).thenReturn(Optional.of(new Delegation("chenjing", "xiezhenhua",
				LocalDate.of(2115, 6, 3), LocalDate.of(2115, 6, 5), "出差", "chenjing", Instant.now())));
	}

	@Test
	void shouldAddTheSubstituteWhenEveryoneTheTaskIsOfferedToIsAway() {
		DelegateTask task = offeredTo("NeverLoseHeadFixtureProcess:1:x", "chenjing");

		assertThat(cover.onCreate(task)).extracting(DelegationCover.Cover::substitute).containsExactly("xiezhenhua");
		verify(task).addCandidateUser("xiezhenhua");
	}

	@Test
	void shouldLeaveATaskAloneWhenSomeoneWhoMayClaimItIsPresent() {
		DelegateTask task = offeredTo("NeverLoseHeadFixtureProcess:1:x", "chenjing", "xiezhenhua");

		assertThat(cover.onCreate(task)).isEmpty();
		verify(task, never()).addCandidateUser(anyString());
	}

	@Test
	void shouldNeverCoverAConfidentialTask() {
		ConfidentialProcesses discipline = mock(ConfidentialProcesses.class);
		when(discipline.processKeys()).thenReturn(Set.of("DisciplineCaseProcess"));
		when(deadlines.confidentialFor("DisciplineCaseProcess")).thenReturn(Optional.of(discipline));
		DelegateTask task = offeredTo("DisciplineCaseProcess:3:x", "chenjing");

		assertThat(cover.onCreate(task)).isEmpty();
		verify(task, never()).addCandidateUser(anyString());
		verify(jdbc, never()).update(anyString(), any(Object[].class));
	}

	@Test
	void shouldNeverCoverAPersonalTask() {
		DelegateTask task = offeredTo("NeverLosePersonalFixtureProcess:1:x", "chenjing");
		when(personal.isPersonal(task)).thenReturn(true);

		assertThat(cover.onCreate(task)).isEmpty();
		verify(task, never()).addCandidateUser(anyString());
	}

	private static DelegateTask offeredTo(String processDefinitionId, String... users) {
		DelegateTask task = mock(DelegateTask.class);
		when(task.getProcessDefinitionId()).thenReturn(processDefinitionId);
		when(task.getId()).thenReturn("task-1");
		java.util.List<IdentityLink> links = new java.util.ArrayList<>();
		for (String user : users) {
			IdentityLink link = mock(IdentityLink.class);
			when(link.getType()).thenReturn(IdentityLinkType.CANDIDATE);
			when(link.getUserId()).thenReturn(user);
			links.add(link);
		}
		when(task.getCandidates()).thenReturn(Set.copyOf(links));
		return task;
	}

}

package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.UnitInfo;
import io.zeren.organisation.UnitKind;
import io.zeren.shared.RuleViolationException;
import jakarta.persistence.EntityManager;

/** Preparing the unit lists after approval: which units get one, in which batches, and the refusal. */
class CyclesTests {

	private final CycleRepository cycleRepository = mock(CycleRepository.class);

	private final UnitListRepository unitLists = mock(UnitListRepository.class);

	private final OrganisationDirectory directory = mock(OrganisationDirectory.class);

	private Cycles cycles(int unitListBatchSize) {
		when(cycleRepository.findById(7L)).thenReturn(Optional.of(mock(Cycle.class)));
		when(unitLists.save(any())).thenAnswer(call -> call.getArgument(0));
		return new Cycles(cycleRepository, mock(ItemRepository.class), unitLists, directory, mock(RuntimeService.class),
				mock(RepositoryService.class), mock(SystemAuthentication.class), mock(EntityManager.class),
				new ResponsibilityProperties(200, unitListBatchSize, false, ZoneId.of("Asia/Shanghai")));
	}

	@Test
	void shouldPackTheActiveUnitsWithAHeadIntoBatches() {
		when(directory.units()).thenReturn(List.of(unit("A", true, "a"), unit("B", true, null), unit("C", false, "c"),
				unit("D", true, "d"), unit("E", true, "e"), unit("F", true, "f")));

		assertThat(cycles(2).prepareUnitLists(7L)).containsExactly("A,D", "E,F");
		verify(unitLists, org.mockito.Mockito.times(4)).save(any());
	}

	@Test
	void shouldRefuseTheApprovalWhenNoActiveUnitHasAHead() {
		when(directory.units()).thenReturn(List.of(unit("A", true, null), unit("C", false, "c")));

		assertThatThrownBy(() -> cycles(100).prepareUnitLists(7L)).isInstanceOfSatisfying(RuleViolationException.class,
				ex -> assertThat(ex.violations()).extracting(msg -> msg.code())
					.containsExactly("responsibility.unit-list.no-heads"));
		verify(unitLists, never()).save(any());
	}

	private static UnitInfo unit(String code, boolean active, String head) {
		return new UnitInfo(code, code, code, UnitKind.values()[0], null, 0, active, head);
	}

}

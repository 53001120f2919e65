package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.RoleInfo;
import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.organisation.UnitRole;

/** An overdue discipline task climbs the discipline office's chain, never the subject's. */
class DisciplineTaskRoutingTests {

	private final OrganisationDirectory directory = mock(OrganisationDirectory.class);

	private final CaseParties parties = mock(CaseParties.class);

	private final DisciplineInstances instances = mock(DisciplineInstances.class);

	private static StaffInfo staff(String username, String unit) {
		return new StaffInfo(username, username, unit, unit, "post", StaffCategory.LEADING_CADRE, UnitRole.HEAD, true,
				username + "@zeren.example", true);
	}

	private DisciplineTaskRouting routing() {
		DisciplineProperties properties = new DisciplineProperties(
				new DisciplineProperties.Roles("DISCIPLINE", "CASE_REVIEW", "LEADERSHIP"), Map.of());
		DisciplineAccess access = new DisciplineAccess(directory, parties, properties, mock(ParticipantRepository.class),
				instances);
		when(directory.roleOwner("DISCIPLINE")).thenReturn(new UnitInfo("DIS", "纪检组", null, null, "AG", 3, true, "zhaolei"));
		when(directory.role("DISCIPLINE")).thenReturn(new RoleInfo("DISCIPLINE", "执纪问责", "DIS", "纪检组", false));
		when(directory.head("DIS")).thenReturn(Optional.of(staff("zhaolei", "DIS")));
		when(directory.supervisorChain("zhaolei")).thenReturn(List.of(staff("wangjianguo", "AG")));
		when(directory.findStaffInfo(anyString())).thenAnswer(call -> Optional.of(staff(call.getArgument(0), "X")));
		return new DisciplineTaskRouting(directory, access, properties, instances);
	}

	/** The system's record of an instance: a lead's, or (no lead) an accountability's with its principal. */
	private void instance(String id, Long leadId, String subject) {
		DisciplineInstance.Link link = leadId == null ? DisciplineInstance.Link.matter(1L, subject)
				: DisciplineInstance.Link.lead(leadId);
		when(instances.ofInstance(id)).thenReturn(Optional.of(new DisciplineInstance(id, id,
				DisciplineProcesses.CASE, link, null, java.time.Instant.now())));
	}

	@Test
	void shouldEscalateASubjectsTaskToTheOfficeHeadNotTheirUnitHead() {
		DisciplineTaskRouting routing = routing();
		instance("pi-1", 7L, "huangxin");
		when(parties.of(7L)).thenReturn(Optional.of(new CaseParties.Parties("huangxin", null, "OPS-1")));
		when(directory.supervisorChain("huangxin")).thenReturn(List.of(staff("zhengyang", "OPS-1"), staff("wangjianguo", "AG")));

		assertThat(routing.escalationChain("pi-1", "huangxin")).extracting(StaffInfo::username)
			.containsExactly("zhaolei", "wangjianguo");
		assertThat(routing.processKeys()).contains(DisciplineProcesses.CASE, DisciplineProcesses.SUBJECT_TASK);
	}

	@Test
	void shouldSkipTheOfficeHeadWhenConflictedAndTheOwnerThemself() {
		DisciplineTaskRouting routing = routing();
		instance("pi-2", 8L, "dongwen");
		when(parties.of(8L)).thenReturn(Optional.of(new CaseParties.Parties("dongwen", null, "DIS")));
		when(directory.supervisorChain("dongwen")).thenReturn(List.of(staff("zhaolei", "DIS"), staff("wangjianguo", "AG")));

		assertThat(routing.escalationChain("pi-2", "yuhaibo")).extracting(StaffInfo::username)
			.containsExactly("wangjianguo");
		instance("pi-3", null, "huangxin");
		when(directory.supervisorChain("huangxin")).thenReturn(List.of(staff("zhengyang", "OPS-1")));
		assertThat(routing.escalationChain("pi-3", "zhaolei")).extracting(StaffInfo::username)
			.containsExactly("wangjianguo");
	}

}

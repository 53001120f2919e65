package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.RoleInfo;
import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.organisation.UnitRole;
import io.zeren.shared.RuleViolationException;

/** Recusal: who may handle, review and approve a lead, given its subject and informant. */
class DisciplineAccessTests {

	private final OrganisationDirectory directory = mock(OrganisationDirectory.class);

	private final CaseParties parties = mock(CaseParties.class);

	private final ParticipantRepository participants = mock(ParticipantRepository.class);

	private final DisciplineInstances instances = mock(DisciplineInstances.class);

	private DisciplineAccess access;

	private static StaffInfo staff(String username, String unit, UnitRole role) {
		return new StaffInfo(username, username, unit, unit, "post", StaffCategory.NON_LEADING_CADRE, role, true,
				username + "@zeren.example", true);
	}

	@BeforeEach
	void organisation() {
		access = new DisciplineAccess(directory, parties,
				new DisciplineProperties(new DisciplineProperties.Roles("DISCIPLINE", "CASE_REVIEW", "LEADERSHIP"), Map.of()),
				participants, instances);
		StaffInfo zhaolei = staff("zhaolei", "DIS", UnitRole.HEAD);
		StaffInfo yuhaibo = staff("yuhaibo", "DIS", UnitRole.DEPUTY);
		StaffInfo dongwen = staff("dongwen", "DIS", UnitRole.MEMBER);
		StaffInfo sunli = staff("sunli", "DIS-REV", UnitRole.HEAD);
		StaffInfo yeqian = staff("yeqian", "DIS-REV", UnitRole.MEMBER);
		StaffInfo wangjianguo = staff("wangjianguo", "AG", UnitRole.HEAD);
		StaffInfo liweidong = staff("liweidong", "AG", UnitRole.DEPUTY);
		when(directory.role("DISCIPLINE")).thenReturn(new RoleInfo("DISCIPLINE", "执纪问责", "DIS", "纪检组", false));
		when(directory.role("CASE_REVIEW")).thenReturn(new RoleInfo("CASE_REVIEW", "案件审理", "DIS-REV", "案件审理室", false));
		when(directory.role("LEADERSHIP")).thenReturn(new RoleInfo("LEADERSHIP", "厅领导", "AG", "示范省某某厅", false));
		when(directory.roleOwner("DISCIPLINE")).thenReturn(new UnitInfo("DIS", "纪检组", null, null, "AG", 3, true, "zhaolei"));
		when(directory.members("DIS", false)).thenReturn(List.of(zhaolei, yuhaibo, dongwen));
		when(directory.members("DIS-REV", false)).thenReturn(List.of(sunli, yeqian));
		when(directory.members("AG", false)).thenReturn(List.of(wangjianguo, liweidong));
		when(directory.head("DIS")).thenReturn(Optional.of(zhaolei));
		holds(zhaolei, "DISCIPLINE");
		holds(yuhaibo, "DISCIPLINE");
		holds(dongwen, "DISCIPLINE");
		holds(sunli, "CASE_REVIEW");
		holds(yeqian, "CASE_REVIEW");
		holds(wangjianguo, "LEADERSHIP");
		holds(liweidong, "LEADERSHIP");
		when(directory.findStaffInfo(org.mockito.ArgumentMatchers.anyString()))
			.thenAnswer(call -> Optional.of(staff(call.getArgument(0), "X", UnitRole.MEMBER)));
		// huangxin answers to zhengyang (OPS-1), then the OPS head, then the agency head
		when(directory.supervisorChain("huangxin")).thenReturn(List.of(staff("zhengyang", "OPS-1", UnitRole.HEAD),
				staff("opshead", "OPS", UnitRole.HEAD), wangjianguo));
		// dongwen (discipline office) answers to zhaolei, then the agency head
		when(directory.supervisorChain("dongwen")).thenReturn(List.of(zhaolei, wangjianguo));
	}

	private void holds(StaffInfo person, String... roles) {
		when(directory.membership(person.username())).thenReturn(Optional.of(
				new OrganisationDirectory.Membership(person, person.unitRole() == UnitRole.HEAD ? person.unitCode() : null,
						Set.of(roles))));
	}

	private VariableScope lead(long id, String subject, String informant) {
		when(parties.of(id)).thenReturn(Optional.of(new CaseParties.Parties(subject, informant, "X")));
		VariableScope scope = mock(VariableScope.class);
		// The lead comes from the system's record of the instance, not from a variable.
		when(instances.of(scope)).thenReturn(Optional.of(new DisciplineInstance("pi-" + id, "pi-" + id,
				DisciplineProcesses.LEAD_DISPOSAL, DisciplineInstance.Link.lead(id), null, java.time.Instant.now())));
		return scope;
	}

	@Test
	void shouldOfferTheWholeOfficeWhenNobodyIsConflicted() {
		VariableScope lead = lead(1, "huangxin", null);
		assertThat(access.handlers(lead)).containsExactly("zhaolei", "yuhaibo", "dongwen");
		assertThat(access.reviewers(lead)).containsExactly("sunli", "yeqian");
		assertThat(access.officeHead(lead)).isEqualTo("zhaolei");
	}

	@Test
	void shouldKeepTheInformantAndTheSubjectsSupervisorsOut() {
		VariableScope lead = lead(2, "dongwen", "yeqian");
		// dongwen is the subject; zhaolei is her supervisor; yeqian reported her
		assertThat(access.handlers(lead)).containsExactly("yuhaibo");
		assertThat(access.reviewers(lead)).containsExactly("sunli");
		assertThat(access.officeHead(lead)).isEqualTo("yuhaibo");
		// approving leadership is barred only as subject or informant, not for being a supervisor
		assertThat(access.leaders(lead)).containsExactly("wangjianguo", "liweidong");
	}

	@Test
	void shouldRefuseAConflictedAssignmentWithTheReason() {
		lead(3, "huangxin", "dongwen");
		assertThatThrownBy(() -> access.checkAssignable(3, "dongwen", Duty.HANDLER))
			.isInstanceOfSatisfying(RuleViolationException.class,
					refused -> assertThat(refused.violations().get(0).code()).isEqualTo("discipline.recusal.informant"));
		assertThatThrownBy(() -> access.checkAssignable(3, "zhengyang", Duty.HANDLER))
			.isInstanceOfSatisfying(RuleViolationException.class,
					refused -> assertThat(refused.violations().get(0).code()).isEqualTo("discipline.recusal.supervisor"));
		assertThatThrownBy(() -> access.checkAssignable(3, "huangxin", Duty.APPROVER))
			.isInstanceOfSatisfying(RuleViolationException.class,
					refused -> assertThat(refused.violations().get(0).code()).isEqualTo("discipline.recusal.subject"));
		access.checkAssignable(3, "yuhaibo", Duty.HANDLER);
		access.checkAssignable(3, "wangjianguo", Duty.APPROVER);
	}

	@Test
	void shouldSaySoWhenTheWholeOfficeIsConflicted() {
		when(directory.members("DIS-REV", false)).thenReturn(List.of(staff("sunli", "DIS-REV", UnitRole.HEAD)));
		VariableScope lead = lead(4, "sunli", null);
		assertThatThrownBy(() -> access.reviewers(lead)).isInstanceOfSatisfying(RuleViolationException.class,
				refused -> assertThat(refused.violations().get(0).code()).isEqualTo("discipline.no-free-reviewer"));
	}

	@Test
	void shouldLetOnlyUnconflictedOfficeAndParticipantsRead() {
		lead(5, "huangxin", null);
		when(participants.findByLeadIdAndUsername(anyLong(), org.mockito.ArgumentMatchers.anyString())).thenReturn(List.of());
		when(participants.findByLeadIdAndUsername(5L, "wangjianguo"))
			.thenReturn(List.of(new Participant(5, "wangjianguo", Duty.APPROVER, java.time.Instant.now())));
		when(participants.findByLeadIdAndUsername(5L, "huangxin"))
			.thenReturn(List.of(new Participant(5, "huangxin", Duty.SUBJECT, java.time.Instant.now())));
		assertThat(access.canRead("dongwen", 5)).isTrue();
		assertThat(access.canRead("yeqian", 5)).isTrue();
		assertThat(access.canRead("wangjianguo", 5)).isTrue();
		assertThat(access.canRead("huangxin", 5)).isFalse();
		assertThat(access.canRead("zhengyang", 5)).isFalse();
		assertThat(access.canRead("lina", 5)).isFalse();
	}

	@Test
	void shouldTellEachRoleFromOneMembershipLookup() {
		assertThat(access.isOfficeOrReview("dongwen")).isTrue();
		assertThat(access.isOfficeOrReview("yeqian")).isTrue();
		assertThat(access.dutyByRole("yeqian")).contains(Duty.REVIEWER);
		assertThat(access.dutyByRole("dongwen")).contains(Duty.HANDLER);
		assertThat(access.dutyByRole("liweidong")).contains(Duty.APPROVER);
		assertThat(access.dutyByRole("lina")).isEmpty();
		assertThat(access.isOfficeOrReview("liweidong")).isFalse();
		assertThat(access.isOfficeOrReview("lina")).isFalse();
		org.mockito.Mockito.verify(directory, org.mockito.Mockito.times(2)).membership("yeqian");
		org.mockito.Mockito.verify(directory, org.mockito.Mockito.never()).members(
				org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyBoolean());
	}

	@Test
	void shouldNotCountSomeoneWhoLeftTheOffice() {
		StaffInfo left = new StaffInfo("gone", "gone", "DIS", "DIS", "post", StaffCategory.NON_LEADING_CADRE,
				UnitRole.MEMBER, true, "gone@zeren.example", false);
		holds(left, "DISCIPLINE");
		assertThat(access.isOfficeOrReview("gone")).isFalse();
	}

}

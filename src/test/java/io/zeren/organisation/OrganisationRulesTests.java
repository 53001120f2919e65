package io.zeren.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.zeren.organisation.OrganisationRules.Violation;

class OrganisationRulesTests {

	private OrgModel model;

	@BeforeEach
	void smallAgency() {
		model = new OrgModel();
		unit("AG", UnitKind.AGENCY, null);
		unit("POL", UnitKind.DEPARTMENT, "AG");
		unit("POL-ORG", UnitKind.SECTION, "POL");
		staff("boss", "AG");
		staff("pol", "POL");
		staff("org", "POL-ORG");
		staff("clerk", "POL-ORG");
		model.makeHead("boss", "AG");
		model.makeHead("pol", "POL");
		model.makeHead("org", "POL-ORG");
	}

	@Test
	void shouldAcceptAConsistentAgency() {
		assertThat(OrganisationRules.validate(model)).isEmpty();
	}

	@Test
	void shouldRejectACycleNamingEveryUnitInIt() {
		unit("AG", UnitKind.AGENCY, null);
		unit("POL", UnitKind.DEPARTMENT, "POL-ORG");

		assertThat(codes(OrganisationRules.validate(model))).contains("org.unit.cycle");
		Violation cycle = find(OrganisationRules.validate(model), "org.unit.cycle");
		assertThat(cycle.units()).containsExactlyInAnyOrder("POL", "POL-ORG");
		assertThat(cycle.message().args()[0].toString()).contains("POL").contains("POL-ORG").contains("→");
	}

	@Test
	void shouldRejectTwoHeads() {
		model.heads.get("POL-ORG").add("clerk");

		Violation twoHeads = find(OrganisationRules.validate(model), "org.unit.two-heads");
		assertThat(twoHeads.staff()).containsExactlyInAnyOrder("org", "clerk");
		assertThat(twoHeads.units()).containsExactly("POL-ORG");
	}

	@Test
	void shouldRejectAHeadWhoIsNotAMember() {
		staff("org", "POL");

		Violation notMember = find(OrganisationRules.validate(model), "org.unit.head-not-member");
		assertThat(notMember.staff()).containsExactly("org");
		assertThat(notMember.message().args()).containsExactly("POL-ORG", "org");
	}

	@Test
	void shouldRejectAnAgencyWithoutHeadBecauseEveryChainWouldEndNowhere() {
		model.clearHead("boss");

		assertThat(codes(OrganisationRules.validate(model))).containsExactly("org.unit.root-without-head");
	}

	@Test
	void shouldRejectAMissingParentAndASecondTopUnit() {
		unit("OPS", UnitKind.DEPARTMENT, "NOWHERE");
		unit("AG2", UnitKind.AGENCY, null);
		model.makeHead("boss", "AG");

		assertThat(codes(OrganisationRules.validate(model))).contains("org.unit.parent-missing", "org.unit.many-roots");
	}

	@Test
	void shouldRejectStaffInAMissingOrInactiveUnit() {
		staff("ghost", "NOPE");
		model.units.put("POL-ORG", new OrgModel.Unit("POL-ORG", "组织干部科", null, UnitKind.SECTION, "POL", 0, false));

		assertThat(codes(OrganisationRules.validate(model))).contains("org.staff.unit-missing", "org.staff.unit-inactive");
	}

	@Test
	void shouldRejectAnInactiveHead() {
		model.staff.put("org", new OrgModel.Staff("org", "org", "POL-ORG", null, StaffCategory.LEADING_CADRE, true,
				"org@zeren.example", false, false));

		assertThat(codes(OrganisationRules.validate(model))).contains("org.unit.head-inactive");
	}

	@Test
	void shouldRejectARoleWhoseOwnerDoesNotExist() {
		model.roles.put("POLITICAL", new OrgModel.Role("POLITICAL", "政治工作", "GONE", true));

		Violation owner = find(OrganisationRules.validate(model), "org.role.owner-missing");
		assertThat(owner.roles()).containsExactly("POLITICAL");
	}

	@Test
	void shouldCheckFieldsOfARecord() {
		StaffRecord bad = new StaffRecord("Zhang Wei", " ", "POL", null, null, null, null, "not-an-email", null);

		assertThat(OrganisationRules.checkFields(bad)).extracting(msg -> msg.code())
			.containsExactlyInAnyOrder("org.staff.username-invalid", "org.required", "org.required",
					"org.staff.email-invalid");
		assertThat(OrganisationRules.checkFields(new UnitRecord("pol", "政治部", null, UnitKind.DEPARTMENT, "pol", 0, true)))
			.extracting(msg -> msg.code())
			.containsExactlyInAnyOrder("org.unit.code-invalid", "org.unit.own-parent");
	}

	@Test
	void shouldRejectReservedAccountsAndOverlongValues() {
		StaffRecord admin = new StaffRecord("admin", "x".repeat(101), "POL", null, StaffCategory.EMPLOYEE, null, null,
				"admin@zeren.example", false);

		assertThat(OrganisationRules.checkFields(admin)).extracting(msg -> msg.code())
			.containsExactlyInAnyOrder("org.staff.username-reserved", "org.too-long");
	}

	private void unit(String code, UnitKind kind, String parent) {
		model.units.put(code, new OrgModel.Unit(code, code, null, kind, parent, 0, true));
	}

	private void staff(String username, String unit) {
		model.staff.put(username, new OrgModel.Staff(username, username, unit, null, StaffCategory.NON_LEADING_CADRE, true,
				username + "@zeren.example", false, true));
	}

	private static List<String> codes(List<Violation> violations) {
		return violations.stream().map(violation -> violation.message().code()).toList();
	}

	private static Violation find(List<Violation> violations, String code) {
		return violations.stream().filter(violation -> violation.message().code().equals(code)).findFirst().orElseThrow();
	}

}

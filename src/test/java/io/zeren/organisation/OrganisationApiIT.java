package io.zeren.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.zeren.support.ApiClient;

/** The organisation as a user meets it over REST, on the seeded demo agency. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationApiIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	IdentityService identity;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void shouldSeedADemoAgencyOfThreeLevelsWithAllFunctionalUnitsAndFortyStaff() {
		List<Map<String, Object>> units = ApiClient.as(rest, "lina").getList("/api/units").getBody();

		assertThat(units).hasSizeGreaterThanOrEqualTo(8);
		assertThat(units).extracting(unit -> unit.get("kind")).contains("AGENCY", "DEPARTMENT", "SECTION");
		assertThat(directory.roles()).extracting(RoleInfo::code)
			.contains("POLITICAL", "INSPECTION", "ASSESSMENT_COMMITTEE", "DISCIPLINE", "CASE_REVIEW", "LEADERSHIP");
		List<StaffInfo> staff = directory.members("AG", true);
		assertThat(staff).hasSizeGreaterThanOrEqualTo(40);
		assertThat(staff).extracting(StaffInfo::category).contains(StaffCategory.values());
		assertThat(staff).allSatisfy(member -> assertThat(member.email()).contains("@"));
		assertThat(staff).anyMatch(StaffInfo::partyMember).anyMatch(member -> !member.partyMember());
	}

	@Test
	void shouldAnswerMembersHeadSupervisorChainAndRoleOwner() {
		ApiClient lina = ApiClient.as(rest, "lina");

		assertThat(lina.getList("/api/units/POL-ORG/members").getBody()).extracting(member -> member.get("username"))
			.contains("lina", "chenjing");
		assertThat(lina.getList("/api/units/POL/members?includeSubunits=true").getBody())
			.extracting(member -> member.get("unitCode"))
			.contains("POL", "POL-ORG", "POL-EDU");
		assertThat(lina.get("/api/units/POL-ORG/head").getBody()).containsEntry("username", "chenjing")
			.containsEntry("unitRole", "HEAD");
		assertThat(lina.getList("/api/staff/lina/supervisors").getBody()).extracting(member -> member.get("username"))
			.containsExactly("chenjing", "liuzhiqiang", "wangjianguo");
		assertThat(lina.get("/api/staff/lina/supervisors/2").getBody()).containsEntry("username", "liuzhiqiang");
		// A head answers to the head one level up, not to themself.
		assertThat(lina.get("/api/staff/chenjing/supervisors/1").getBody()).containsEntry("username", "liuzhiqiang");
		assertThat(lina.get("/api/staff/wangjianguo/supervisors/1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(lina.get("/api/roles/DISCIPLINE/owner").getBody()).containsEntry("code", "DIS");
		assertThat(lina.get("/api/staff?unit=OPS-1&size=2").getBody()).containsKey("content");
		assertThat(lina.get("/api/units/NOPE").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldAnswerTheCachedSupervisorChainAsTheUncachedOneAndFollowChanges() {
		for (StaffInfo member : directory.members("AG", true)) {
			assertThat(directory.cachedSupervisorChain(member.username())).extracting(StaffInfo::username)
				.as(member.username())
				.containsExactlyElementsOf(
						directory.supervisorChain(member.username()).stream().map(StaffInfo::username).toList());
		}
		assertThat(directory.cachedSupervisorChain("wangjianguo")).isEmpty();

		// A move made on this node shows at once, though the chains of both units were just cached.
		ApiClient admin = ApiClient.as(rest, "admin");
		Map<String, Object> mover = Map.of("fullName", "周转", "unitCode", "POL-ORG", "category", "EMPLOYEE", "email",
				"zhouzhuan@zeren.example", "partyMember", true);
		assertThat(admin.send(HttpMethod.PUT, "/api/staff/zhouzhuan", mover).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(directory.cachedSupervisorChain("zhouzhuan")).extracting(StaffInfo::username)
			.containsExactly("chenjing", "liuzhiqiang", "wangjianguo");
		Map<String, Object> moved = new java.util.HashMap<>(mover);
		moved.put("unitCode", "OFF");
		assertThat(admin.send(HttpMethod.PUT, "/api/staff/zhouzhuan", moved).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(directory.cachedSupervisorChain("zhouzhuan")).extracting(StaffInfo::username)
			.containsExactlyElementsOf(directory.supervisorChain("zhouzhuan").stream().map(StaffInfo::username).toList())
			.doesNotContain("chenjing");
		admin.send(HttpMethod.DELETE, "/api/staff/zhouzhuan", null);
	}

	@Test
	void shouldServeWhatAUnitsMemberListReadToTheCachedLookups() {
		StaffInfo lina = directory.members("POL-ORG", false).stream().filter(member -> member.username().equals("lina"))
			.findFirst().orElseThrow();
		// Changed behind the application's back (as another node would within the cache's TTL): the cached lookup
		// answers what members() read, the uncached one the database.
		jdbc.update("update zr_staff set full_name = ? where username = 'lina'", "李娜（改）");
		try {
			assertThat(directory.cachedStaffInfo("lina")).contains(lina);
			assertThat(directory.findStaffInfo("lina")).map(StaffInfo::fullName).contains("李娜（改）");
		}
		finally {
			jdbc.update("update zr_staff set full_name = ? where username = 'lina'", lina.fullName());
		}
	}

	@Test
	void shouldMirrorUnitsHeadsAndRolesAsCamundaGroups() {
		assertThat(groupsOf("lina")).contains("zeren-staff", "unit-pol-org", "role-political")
			.doesNotContain("head-pol-org");
		assertThat(groupsOf("chenjing")).contains("unit-pol-org", "head-pol-org", "role-political");
		assertThat(groupsOf("sunli")).contains("unit-dis-rev", "head-dis-rev", "role-case-review")
			.doesNotContain("role-discipline");
		assertThat(groupsOf("wangjianguo")).contains("head-ag", "role-leadership");
		assertThat(identity.checkPassword("lina", ApiClient.DEMO_PASSWORD)).isTrue();
	}

	@Test
	void shouldCreateMoveAndDeactivateStaffKeepingCamundaInStep() {
		ApiClient admin = ApiClient.as(rest, "admin");
		Map<String, Object> newcomer = Map.of("fullName", "钱多多", "unitCode", "OPS-2", "category", "EMPLOYEE",
				"email", "qianduoduo@zeren.example", "partyMember", false);

		ResponseEntity<Map<String, Object>> created = admin.send(HttpMethod.PUT, "/api/staff/qianduoduo", newcomer);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(groupsOf("qianduoduo")).contains("unit-ops-2", "zeren-staff");

		Map<String, Object> moved = new java.util.HashMap<>(newcomer);
		moved.put("unitCode", "OFF");
		assertThat(admin.send(HttpMethod.PUT, "/api/staff/qianduoduo", moved).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(groupsOf("qianduoduo")).contains("unit-off").doesNotContain("unit-ops-2");

		assertThat(admin.send(HttpMethod.DELETE, "/api/staff/qianduoduo", null).getBody()).containsEntry("active", false);
		assertThat(identity.createUserQuery().userId("qianduoduo").count()).isZero();
	}

	@Test
	void shouldRejectBadOrganisationDataWithEveryReasonInTheCallersLanguage() {
		ApiClient admin = ApiClient.as(rest, "admin");

		ResponseEntity<Map<String, Object>> cycle = admin.send(HttpMethod.PUT, "/api/units/POL",
				Map.of("name", "政治部", "kind", "DEPARTMENT", "parentCode", "POL-ORG"));
		assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(violations(cycle)).anySatisfy(text -> assertThat(text).contains("循环").contains("POL-ORG"));

		ResponseEntity<Map<String, Object>> twoHeads = admin.inEnglish()
			.send(HttpMethod.PUT, "/api/staff/lina", Map.of("fullName", "李娜", "unitCode", "POL-ORG", "category",
					"NON_LEADING_CADRE", "unitRole", "HEAD", "email", "lina@zeren.example"));
		assertThat(twoHeads.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(violations(twoHeads)).anySatisfy(text -> assertThat(text).contains("two heads").contains("chenjing"));

		ResponseEntity<Map<String, Object>> headLeaves = admin.send(HttpMethod.PUT, "/api/staff/chenjing",
				Map.of("fullName", "陈静", "unitCode", "POL-EDU", "category", "LEADING_CADRE", "email",
						"chenjing@zeren.example"));
		assertThat(violations(headLeaves)).anySatisfy(text -> assertThat(text).contains("不是该单位的成员"));

		ResponseEntity<Map<String, Object>> agencyWithoutHead = admin.send(HttpMethod.PUT, "/api/staff/wangjianguo",
				Map.of("fullName", "王建国", "unitCode", "AG", "category", "LEADING_CADRE", "unitRole", "MEMBER", "email",
						"wangjianguo@zeren.example"));
		assertThat(violations(agencyWithoutHead)).anySatisfy(text -> assertThat(text).contains("上级链"));

		ResponseEntity<Map<String, Object>> fields = admin.send(HttpMethod.PUT, "/api/staff/Bad_Name",
				Map.of("unitCode", "POL", "email", "nope"));
		assertThat(fields.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(violations(fields)).hasSizeGreaterThanOrEqualTo(3);

		// Nothing of the above was written.
		assertThat(directory.unit("POL").parentCode()).isEqualTo("AG");
		assertThat(directory.head("POL-ORG")).map(StaffInfo::username).contains("chenjing");
		assertThat(directory.head("AG")).map(StaffInfo::username).contains("wangjianguo");
		// Read one by one (the head's row is not loaded for it), a head is HEAD and a member is not.
		assertThat(directory.findStaffInfo("chenjing")).map(StaffInfo::unitRole).contains(UnitRole.HEAD);
		assertThat(directory.findStaffInfo("lina")).map(StaffInfo::unitRole).contains(UnitRole.MEMBER);
		assertThat(directory.members("POL-ORG", false)).filteredOn(info -> info.unitRole() == UnitRole.HEAD)
			.extracting(StaffInfo::username)
			.containsExactly("chenjing");
	}

	@Test
	void shouldLetStaffReadButOnlyAdminsChangeTheOrganisation() {
		assertThat(ApiClient.anonymous(rest).get("/api/units/AG").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(ApiClient.as(rest, "lina").send(HttpMethod.PUT, "/api/units/AG", Map.of("name", "x", "kind", "AGENCY"))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// A wrong password also starts Camunda's login delay for that user, so use one no other test needs.
		assertThat(rest.withBasicAuth("wangfang2", "wrong").getForEntity("/api/units/AG", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private Set<String> groupsOf(String username) {
		return identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId)
			.collect(Collectors.toSet());
	}

	@SuppressWarnings("unchecked")
	static List<String> violations(ResponseEntity<Map<String, Object>> response) {
		return (List<String>) response.getBody().get("violations");
	}

}

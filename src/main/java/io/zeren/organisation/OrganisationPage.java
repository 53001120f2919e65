package io.zeren.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.zeren.shared.SystemAdministration;
import io.zeren.shared.WorkbenchPage;

/**
 * 组织与人员 (system administrator): the unit tree with each unit's head, staff search, a staff member's record and
 * a unit's members. Read-only: the organisation changes through the roster import (/admin/roster) and the REST API.
 */
@Controller
@WorkbenchPage
class OrganisationPage {

	static final int PAGE_SIZE = 20;

	private final OrganisationDirectory directory;

	private final SystemAdministration administration;

	OrganisationPage(OrganisationDirectory directory, SystemAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	/** A unit in the tree, with its head's name and the units under it. */
	record UnitNode(UnitInfo unit, String headName, List<UnitNode> children) {
	}

	@GetMapping("/admin/organisation")
	String organisation(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "false") boolean inactive, @RequestParam(defaultValue = "0") int page,
			Model model) {
		administration.requireSystemAdmin();
		List<UnitInfo> units = directory.units();
		model.addAttribute("tree", tree(units));
		model.addAttribute("units", units);
		model.addAttribute("q", q);
		model.addAttribute("unit", unit);
		model.addAttribute("inactive", inactive);
		boolean searched = (q != null && !q.isBlank()) || (unit != null && !unit.isBlank()) || inactive;
		model.addAttribute("searched", searched);
		if (searched) {
			Page<StaffInfo> found = directory.searchStaff(unit, q, inactive,
					PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("username")));
			model.addAttribute("found", found);
		}
		return "admin/organisation";
	}

	@GetMapping("/admin/organisation/staff/{username}")
	String staff(@PathVariable String username, Model model) {
		administration.requireSystemAdmin();
		StaffInfo member = directory.staff(username);
		model.addAttribute("member", member);
		model.addAttribute("supervisors", directory.supervisorChain(username));
		Map<String, RoleInfo> roles = new LinkedHashMap<>();
		directory.roles().forEach(role -> roles.put(role.code(), role));
		List<RoleInfo> held = directory.membership(username)
			.map(membership -> membership.roleCodes().stream().map(roles::get).filter(java.util.Objects::nonNull).toList())
			.orElse(List.of());
		model.addAttribute("roles", held);
		return "admin/organisation-staff";
	}

	@GetMapping("/admin/organisation/units/{code}")
	String unit(@PathVariable String code, Model model) {
		administration.requireSystemAdmin();
		UnitInfo unit = directory.unit(code);
		List<UnitInfo> units = directory.units();
		model.addAttribute("unitInfo", unit);
		model.addAttribute("parent", unit.parentCode() == null ? null
				: units.stream().filter(other -> other.code().equals(unit.parentCode())).findFirst().orElse(null));
		model.addAttribute("head", directory.head(code).orElse(null));
		model.addAttribute("members", directory.members(code, false));
		model.addAttribute("subunits", units.stream().filter(other -> code.equals(other.parentCode())).toList());
		model.addAttribute("roles", directory.roles().stream().filter(role -> role.ownerUnitCode().equals(code)).toList());
		return "admin/organisation-unit";
	}

	private List<UnitNode> tree(List<UnitInfo> units) {
		Map<String, List<UnitInfo>> children = new LinkedHashMap<>();
		List<UnitInfo> roots = new ArrayList<>();
		java.util.Set<String> codes = new java.util.HashSet<>();
		units.forEach(unit -> codes.add(unit.code()));
		for (UnitInfo unit : units) {
			if (unit.parentCode() == null || !codes.contains(unit.parentCode())) {
				roots.add(unit);
			}
			else {
				children.computeIfAbsent(unit.parentCode(), key -> new ArrayList<>()).add(unit);
			}
		}
		return roots.stream().sorted(ORDER).map(root -> node(root, children, new java.util.HashSet<>())).toList();
	}

	private static final Comparator<UnitInfo> ORDER = Comparator.comparing((UnitInfo unit) -> !unit.active())
		.thenComparingInt(UnitInfo::sortNo)
		.thenComparing(UnitInfo::code);

	private UnitNode node(UnitInfo unit, Map<String, List<UnitInfo>> children, java.util.Set<String> seen) {
		seen.add(unit.code());
		List<UnitNode> below = children.getOrDefault(unit.code(), List.of())
			.stream()
			.filter(child -> !seen.contains(child.code()))
			.sorted(ORDER)
			.map(child -> node(child, children, seen))
			.toList();
		String headName = Optional.ofNullable(unit.headUsername())
			.flatMap(directory::cachedStaffInfo)
			.map(StaffInfo::fullName)
			.orElse(null);
		return new UnitNode(unit, headName, below);
	}

}

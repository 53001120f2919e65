package io.zeren.workbench;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.UnitInfo;

/**
 * What the Camunda webapps' header shows of Zeren (static/js/webapp-face.js): the product's name and the agency's
 * (its top unit, from the node cache every page header reads). Under the session login like every page, not under
 * /api, whose chain reads no session.
 */
@RestController
class WebappFace {

	static final String PATH = "/webapp-face";

	static final String PRODUCT = "责任";

	private final OrganisationDirectory directory;

	WebappFace(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@GetMapping(PATH)
	Map<String, String> face() {
		return Map.of("product", PRODUCT, "agency",
				directory.cachedTopUnit().map(UnitInfo::name).orElse(""), "home", "/");
	}

}

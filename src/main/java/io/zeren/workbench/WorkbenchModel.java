package io.zeren.workbench;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.WorkbenchPage;

/** What the layout of every workbench page shows: the agency, the person, the menu of their roles. */
@ControllerAdvice(annotations = WorkbenchPage.class)
class WorkbenchModel {

	private final Viewers viewers;

	private final OrganisationDirectory directory;

	private final String tasklistPath;

	WorkbenchModel(Viewers viewers, OrganisationDirectory directory,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		this.viewers = viewers;
		this.directory = directory;
		this.tasklistPath = webappPath + "/app/tasklist/default/";
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		return viewers.current().orElse(null);
	}

	@ModelAttribute("navigation")
	List<Navigation.Shown> navigation() {
		return viewers.current().map(Navigation::forViewer).orElse(List.of());
	}

	/** The agency's name: its top unit's. */
	@ModelAttribute("agencyName")
	String agencyName() {
		Optional<UnitInfo> top = directory.cachedTopUnit();
		return top.map(UnitInfo::name).orElse(null);
	}

	@ModelAttribute("tasklistUrl")
	String tasklistUrl(HttpServletRequest request) {
		return request.getContextPath() + tasklistPath;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}

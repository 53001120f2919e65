package io.zeren.identity;

import org.springframework.stereotype.Component;

import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;
import io.zeren.shared.SystemAdministration;

/** The system administrator's pages are theirs alone: the group zeren-sysadmin, as on the REST API. */
@Component
class SystemAdministrators implements SystemAdministration {

	private final Viewers viewers;

	SystemAdministrators(Viewers viewers) {
		this.viewers = viewers;
	}

	@Override
	public String requireSystemAdmin() {
		Viewer viewer = viewers.require();
		if (!viewer.isSystemAdmin()) {
			throw new ForbiddenException(new Msg("admin.forbidden.system"));
		}
		return viewer.username();
	}

	/** The audit administrator's pages (the security audit trail): zeren-auditadmin, as on the REST API. */
	String requireAuditAdmin() {
		Viewer viewer = viewers.require();
		if (!viewer.isAuditAdmin()) {
			throw new ForbiddenException(new Msg("admin.forbidden.audit"));
		}
		return viewer.username();
	}

}

package io.zeren.organisation;

/** A staff member as other modules and the API see them. */
public record StaffInfo(String username, String fullName, String unitCode, String unitName, String post,
		StaffCategory category, UnitRole unitRole, boolean partyMember, String email, boolean active) {
}

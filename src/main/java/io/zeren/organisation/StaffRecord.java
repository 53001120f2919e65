package io.zeren.organisation;

import io.swagger.v3.oas.annotations.media.Schema;

/** A staff member as an admin submits them: one roster row or the body of a REST call. */
@Schema(description = "Staff member (干警/干部)")
public record StaffRecord(
		@Schema(description = "Login name, lower-case letters, digits, dot, dash, underscore", example = "zhangwei") String username,
		@Schema(description = "Full name", example = "张伟") String fullName,
		@Schema(description = "Code of the staff member's own unit", example = "POL-ORG") String unitCode,
		@Schema(description = "Post (岗位)", example = "组织干部科科长") String post,
		StaffCategory category,
		@Schema(description = "Position in the own unit; empty keeps the current one (new staff: member)") UnitRole unitRole,
		Boolean partyMember,
		@Schema(example = "zhangwei@zeren.example") String email,
		@Schema(description = "false deactivates (leaves the agency); default true") Boolean active) {
}

package io.zeren.organisation;

import io.swagger.v3.oas.annotations.media.Schema;

/** A unit as an admin submits it: one row of a roster's unit sheet or the body of a REST call. */
@Schema(description = "Org unit (单位)")
public record UnitRecord(
		@Schema(description = "Unit code, upper-case letters, digits and dashes", example = "POL") String code,
		@Schema(description = "Name in Chinese", example = "政治部") String name,
		@Schema(description = "English name", example = "Political Department") String nameEn,
		@Schema(description = "Level in the hierarchy") UnitKind kind,
		@Schema(description = "Code of the parent unit; empty for the agency itself", example = "AG") String parentCode,
		@Schema(description = "Position among siblings") Integer sortNo,
		@Schema(description = "false deactivates the unit; default true") Boolean active) {
}

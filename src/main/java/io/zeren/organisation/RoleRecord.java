package io.zeren.organisation;

import io.swagger.v3.oas.annotations.media.Schema;

/** A functional role (political department, inspection team, …) and the unit that carries it. */
@Schema(description = "Functional role (职能)")
public record RoleRecord(
		@Schema(description = "Role code", example = "POLITICAL") String code,
		@Schema(description = "Name", example = "政治工作") String name,
		@Schema(description = "Unit that owns the role", example = "POL") String ownerUnitCode,
		@Schema(description = "Whether members of the owner's sub-units hold the role too; default false") Boolean withSubunits) {
}

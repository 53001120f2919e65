package io.zeren.organisation;

/** A functional role and the unit that owns it. */
public record RoleInfo(String code, String name, String ownerUnitCode, String ownerUnitName, boolean withSubunits) {
}

package io.zeren.organisation;

/** A unit as other modules and the API see it. */
public record UnitInfo(String code, String name, String nameEn, UnitKind kind, String parentCode, int sortNo,
		boolean active, String headUsername) {
}

/**
 * The agency's organisation: units in a hierarchy, staff, unit heads and the functional roles units own.
 * Answers who belongs where and who answers for whom; every other module asks it instead of keeping its own copy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = "shared")
package io.zeren.organisation;

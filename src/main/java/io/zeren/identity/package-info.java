/**
 * Who may do what: the organisation mirrored into Camunda's users and groups, Camunda authorizations,
 * and the HTTP security of our API and the engine REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "organisation", "shared" })
package io.zeren.identity;

package io.zeren.shared;

/**
 * Someone was refused at our API (a rule, Spring Security, or the engine's authorizations): what the security audit
 * trail records. {@code actor} is the authenticated user (null: anonymous), {@code target} the request.
 */
public record AccessRefused(String actor, String target, String source, String reason) {
}

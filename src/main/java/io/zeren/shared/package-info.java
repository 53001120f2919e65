/**
 * Small vocabulary every module may use: domain rule violations, the HTTP problem mapping, and forgetting
 * node-local caches when this node changes what they hold, node-local caches themselves, IN-list queries of any
 * length.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.zeren.shared;

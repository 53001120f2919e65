/**
 * Small vocabulary every module may use: domain rule violations and the HTTP problem mapping.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.zeren.shared;

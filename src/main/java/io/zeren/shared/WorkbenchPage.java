package io.zeren.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders pages of the workbench (Thymeleaf, htmx): it gets the header's model (agency,
 * the logged-in person, the navigation of their roles) and page-style error answers. REST controllers never carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WorkbenchPage {

}

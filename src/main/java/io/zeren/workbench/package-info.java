/**
 * The workbench (工作台): Zeren's own pages around Tasklist — the page layout and navigation by role, the home
 * page of everyone's open work, the language switch. Feature modules render their own pages (marked
 * {@link io.zeren.shared.WorkbenchPage}) inside this layout; nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package io.zeren.workbench;

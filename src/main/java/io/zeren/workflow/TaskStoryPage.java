package io.zeren.workflow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.shared.AccessRefused;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.NotFoundException;

/**
 * {@code GET /tasks/{taskId}/story}: the 业务详情 tab of Tasklist (scripts/task-story.js in the Tasklist override)
 * loads this HTML fragment with the session both share. A refusal is a fragment too, with the Chinese sentence, and
 * goes to the security audit trail like every other refused request.
 */
@Controller
class TaskStoryPage {

	private final Viewers viewers;

	private final TaskStories stories;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	TaskStoryPage(Viewers viewers, TaskStories stories, MessageSource messages, ApplicationEventPublisher events) {
		this.viewers = viewers;
		this.stories = stories;
		this.messages = messages;
		this.events = events;
	}

	@GetMapping("/tasks/{taskId}/story")
	String story(@PathVariable String taskId, Model model) {
		Viewer viewer = viewers.require();
		model.addAttribute("story", stories.storyOf(taskId, viewer.username(), viewer.groups()));
		return "workflow/task-story :: story";
	}

	@ExceptionHandler(ForbiddenException.class)
	String refused(ForbiddenException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		events.publishEvent(AccessRefused.of(request, ex.msg().code()));
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("reason", ex.msg().render(messages, Locales.current()));
		return "workflow/task-story :: refused";
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("reason", ex.msg().render(messages, Locales.current()));
		return "workflow/task-story :: refused";
	}

}

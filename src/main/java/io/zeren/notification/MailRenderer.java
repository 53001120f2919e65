package io.zeren.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Turns a template name and model into the HTML of a mail, in the recipient's language. Templates live in
 * {@code templates/mail/}; their texts come from {@code messages*.properties} ({@code mail.*}).
 */
@Component
class MailRenderer {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final ITemplateEngine templates;

	private final ResourceLoader resources;

	private final String baseUrl;

	private final Map<String, Boolean> known = new ConcurrentHashMap<>();

	MailRenderer(ITemplateEngine templates, ResourceLoader resources,
			@Value("${zeren.base-url:http://localhost:8080}") String baseUrl) {
		this.templates = templates;
		this.resources = resources;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Whether {@code templates/mail/<name>.html} exists (checked when a mail is queued, to fail early). */
	boolean exists(String template) {
		return template != null && NAME.matcher(template).matches() && known.computeIfAbsent(template,
				name -> resources.getResource("classpath:templates/mail/" + name + ".html").exists());
	}

	String render(String template, Map<String, Object> model, Locale locale) {
		if (!exists(template)) {
			throw new IllegalArgumentException("No mail template " + template);
		}
		Context context = new Context(locale, withLinks(model));
		context.setVariable("baseUrl", baseUrl);
		return templates.process("mail/" + template, context);
	}

	/** The task in Tasklist, opened directly. */
	String tasklistLink(String taskId) {
		return baseUrl + "/camunda/app/tasklist/default/#/?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
	}

	/** Links are made at send time, so that a changed {@code zeren.base-url} also applies to queued mails. */
	private Map<String, Object> withLinks(Map<String, Object> model) {
		Map<String, Object> variables = new HashMap<>(model);
		if (model.get("taskId") instanceof String taskId) {
			variables.put("link", tasklistLink(taskId));
		}
		if (model.get("items") instanceof List<?> items) {
			variables.put("items", items.stream().map(item -> {
				Map<String, Object> withLink = new LinkedHashMap<>();
				if (item instanceof Map<?, ?> fields) {
					fields.forEach((key, value) -> withLink.put(String.valueOf(key), value));
					if (fields.get("taskId") instanceof String taskId) {
						withLink.put("link", tasklistLink(taskId));
					}
				}
				return withLink;
			}).toList());
		}
		return variables;
	}

}

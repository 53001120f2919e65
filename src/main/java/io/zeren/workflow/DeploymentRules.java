package io.zeren.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.shared.Msg;

/**
 * The conventions a deployment must keep before the engine accepts it (the Java side of
 * {@code shared/tools/bpmn_check.py}, plus what only the running application knows: its beans and the forms
 * already deployed). Every rule gives a Chinese sentence naming the file and the element; a deployment with any
 * finding is refused whole ({@link DeploymentCheck}).
 *
 * <p>
 * Rules, for each BPMN file of the deployment:
 * <ol>
 * <li>every executable process sets {@code camunda:historyTimeToLive};</li>
 * <li>no {@code camunda:class} and no inline scripts (delegates are Spring beans, rules live in code or DMN);</li>
 * <li>every {@code camunda:delegateExpression} and {@code camunda:expression} (service and send tasks, message
 * events, task and execution listeners) starts with a Spring bean (or the engine's {@code execution} /
 * {@code task}); anywhere else, a method called with {@code execution} or {@code task} belongs to a bean — other
 * names in expressions may be process variables and cannot be told apart before the process runs;</li>
 * <li>every user task has a Camunda Form ({@code camunda:formRef}, not an expression), bound to the deployment
 * ({@code camunda:formRefBinding="deployment"}), and the form is in the same deployment (for another binding: in
 * the deployment or already deployed, in the version asked for);</li>
 * <li>every user task has an assignee, candidates or a task listener that sets them;</li>
 * <li>every user task has a due date: the deadline policy gives one unless the task switches it off
 * ({@code zeren.deadline = off}), and then it needs its own {@code camunda:dueDate}; the policy overrides
 * ({@code zeren.dueIn}, {@code zeren.remindBefore}, {@code zeren.escalateEvery}, {@code zeren.escalationCap}) are
 * valid durations / numbers.</li>
 * </ol>
 * Every {@code .form} file must be JSON with an {@code id}. A file that is not well-formed XML is left to the
 * engine's own parser, which refuses it with its own report.
 */
final class DeploymentRules {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	/** The engine's own names in expressions, never beans. */
	private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "variableScope", "authenticatedUserId",
			"caseExecution", "externalTask");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

	private static final Pattern ROOT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern CALL_WITH_EXECUTION = Pattern
		.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(\\s*(?:execution|task)\\s*[,)]");

	private static final Pattern WORKING_DAYS = Pattern.compile("\\d+WD");

	private static final List<String> DURATION_PROPERTIES = List.of("zeren.dueIn", "zeren.remindBefore",
			"zeren.escalateEvery");

	/** What the rules ask of the running application. */
	interface Lookup {

		boolean isBean(String name);

		/** A form with this id is deployed (any version). */
		boolean formDeployed(String formId);

		/** This version of the form is deployed. */
		boolean formDeployed(String formId, int version);

	}

	/** One refusal reason: the file, the element it is about (may be null), where, and the sentence. */
	record Finding(String resource, String elementId, int line, int column, Msg message) {
	}

	private final ObjectMapper json = new ObjectMapper();

	/** All findings for the deployment's resources (name to content), in file order. */
	List<Finding> check(Map<String, byte[]> resources, Lookup lookup) {
		List<Finding> findings = new ArrayList<>();
		Set<String> formsHere = new HashSet<>();
		for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
			if (resource.getKey().endsWith(".form")) {
				String id = formId(resource.getValue());
				if (id == null) {
					findings.add(new Finding(resource.getKey(), null, 0, 0,
							new Msg("deployment.check.form-invalid", display(resource.getKey()))));
				}
				else {
					formsHere.add(id);
				}
			}
		}
		for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
			String name = resource.getKey();
			if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
				Node root = parse(resource.getValue());
				if (root != null) {
					new BpmnFile(name, root, formsHere, lookup, findings).check();
				}
			}
		}
		return findings;
	}

	/** The resource name as a person recognises it: the path from processes/ or forms/, or the file name. */
	static String display(String resourceName) {
		String name = resourceName.replace('\\', '/');
		for (String folder : List.of("/processes/", "/forms/")) {
			int at = name.lastIndexOf(folder);
			if (at >= 0) {
				return name.substring(at + 1);
			}
		}
		return name.substring(name.lastIndexOf('/') + 1);
	}

	private String formId(byte[] content) {
		try {
			JsonNode form = json.readTree(content);
			String id = form == null ? null : form.path("id").asText(null);
			return id == null || id.isBlank() ? null : id;
		}
		catch (IOException notJson) {
			return null;
		}
	}

	private static final class BpmnFile {

		private final String resource;

		private final Node root;

		private final Set<String> formsHere;

		private final Lookup lookup;

		private final List<Finding> findings;

		private final String file;

		BpmnFile(String resource, Node root, Set<String> formsHere, Lookup lookup, List<Finding> findings) {
			this.resource = resource;
			this.root = root;
			this.formsHere = formsHere;
			this.lookup = lookup;
			this.findings = findings;
			this.file = display(resource);
		}

		void check() {
			Set<String> reportedBeans = new HashSet<>();
			walk(root, node -> {
				if (node.is(BPMN, "process") && "true".equals(node.attr("", "isExecutable"))
						&& blank(node.attr(CAMUNDA, "historyTimeToLive"))) {
					add(node, "deployment.check.no-ttl", node.id());
				}
				// Camunda's own elements (listeners, scripts) carry their attributes without a prefix.
				boolean camundaElement = CAMUNDA.equals(node.namespace);
				if (node.attr(CAMUNDA, "class") != null || (camundaElement && node.attr("", "class") != null)) {
					add(node, "deployment.check.class", owner(node));
				}
				boolean script = node.is(BPMN, "scriptTask") || (node.is(CAMUNDA, "script")
						&& blank(node.attr(CAMUNDA, "resource")) && blank(node.attr("", "resource")));
				if (script && !blank(node.deepText())) {
					add(node, "deployment.check.inline-script", owner(node));
				}
				for (String attribute : List.of("delegateExpression", "expression")) {
					String value = node.attr(CAMUNDA, attribute);
					if (value == null && camundaElement) {
						value = node.attr("", attribute);
					}
					if (value != null) {
						Matcher expression = EXPRESSION.matcher(value);
						while (expression.find()) {
							Matcher root = ROOT.matcher(expression.group(1));
							if (root.find()) {
								unknownBean(node, root.group(1), reportedBeans);
							}
						}
					}
				}
				for (String value : node.values()) {
					Matcher expression = EXPRESSION.matcher(value);
					while (expression.find()) {
						Matcher call = CALL_WITH_EXECUTION.matcher(expression.group(1));
						while (call.find()) {
							unknownBean(node, call.group(1), reportedBeans);
						}
					}
				}
				if (node.is(BPMN, "userTask")) {
					userTask(node);
				}
			});
		}

		private void unknownBean(Node node, String name, Set<String> reported) {
			if (!ENGINE_NAMES.contains(name) && !lookup.isBean(name) && reported.add(owner(node) + "/" + name)) {
				add(node, "deployment.check.unknown-bean", owner(node), name);
			}
		}

		private void userTask(Node task) {
			String id = task.id();
			String formRef = task.attr(CAMUNDA, "formRef");
			if (blank(formRef)) {
				add(task, "deployment.check.no-form", id);
			}
			else if (formRef.contains("${") || formRef.contains("#{")) {
				add(task, "deployment.check.dynamic-form", id, formRef);
			}
			else {
				String binding = task.attr(CAMUNDA, "formRefBinding");
				binding = blank(binding) ? "latest" : binding;
				if (!"deployment".equals(binding)) {
					add(task, "deployment.check.binding", id);
				}
				switch (binding) {
					case "deployment" -> {
						if (!formsHere.contains(formRef)) {
							add(task, "deployment.check.form-not-in-deployment", id, formRef);
						}
					}
					case "version" -> {
						Integer version = number(task.attr(CAMUNDA, "formRefVersion"));
						if (version == null || !(lookup.formDeployed(formRef, version))) {
							add(task, "deployment.check.form-version-missing", id, formRef,
									String.valueOf(task.attr(CAMUNDA, "formRefVersion")));
						}
					}
					default -> {
						if (!formsHere.contains(formRef) && !lookup.formDeployed(formRef)) {
							add(task, "deployment.check.form-missing", id, formRef);
						}
					}
				}
			}
			boolean people = !blank(task.attr(CAMUNDA, "assignee")) || !blank(task.attr(CAMUNDA, "candidateUsers"))
					|| !blank(task.attr(CAMUNDA, "candidateGroups"));
			if (!people && task.find(CAMUNDA, "taskListener").isEmpty()) {
				add(task, "deployment.check.no-candidates", id);
			}
			Map<String, String> properties = new HashMap<>();
			for (Node property : task.find(CAMUNDA, "property")) {
				if (property.attr("", "name") != null) {
					properties.put(property.attr("", "name"), property.attr("", "value"));
				}
			}
			if ("off".equals(properties.get("zeren.deadline")) && blank(task.attr(CAMUNDA, "dueDate"))) {
				add(task, "deployment.check.no-due-date", id);
			}
			for (String name : DURATION_PROPERTIES) {
				String value = properties.get(name);
				if (!blank(value) && !isDuration(value.strip())) {
					add(task, "deployment.check.bad-duration", id, name, value);
				}
			}
			String cap = properties.get("zeren.escalationCap");
			if (!blank(cap) && !cap.strip().matches("\\d{1,3}")) {
				add(task, "deployment.check.bad-cap", id, cap);
			}
		}

		private void add(Node node, String key, Object... args) {
			Object[] all = new Object[args.length + 1];
			all[0] = file;
			System.arraycopy(args, 0, all, 1, args.length);
			findings.add(new Finding(resource, owner(node), node.line, node.column, new Msg(key, all)));
		}

		/** The id of the element or of the nearest enclosing element that has one. */
		private static String owner(Node node) {
			for (Node at = node; at != null; at = at.parent) {
				if (at.id() != null) {
					return at.id();
				}
			}
			return "?";
		}

	}

	static boolean isDuration(String value) {
		if (WORKING_DAYS.matcher(value).matches()) {
			return true;
		}
		try {
			Period.parse(value);
			return true;
		}
		catch (DateTimeParseException notAPeriod) {
			try {
				Duration.parse(value);
				return true;
			}
			catch (DateTimeParseException notADuration) {
				return false;
			}
		}
	}

	private static Integer number(String text) {
		try {
			return text == null ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static void walk(Node node, java.util.function.Consumer<Node> visit) {
		visit.accept(node);
		for (Node child : node.children) {
			walk(child, visit);
		}
	}

	// --- a small XML tree with line numbers (the engine's report shows where a problem is) ------------------------

	static final class Node {

		final String namespace;

		final String name;

		final Map<String, String> attributes = new LinkedHashMap<>();

		final StringBuilder text = new StringBuilder();

		final List<Node> children = new ArrayList<>();

		final Node parent;

		final int line;

		final int column;

		Node(String namespace, String name, Node parent, int line, int column) {
			this.namespace = namespace;
			this.name = name;
			this.parent = parent;
			this.line = line;
			this.column = column;
		}

		boolean is(String ns, String local) {
			return ns.equals(namespace) && local.equals(name);
		}

		String attr(String ns, String local) {
			return attributes.get(ns + "|" + local);
		}

		String id() {
			return attr("", "id");
		}

		/** Attribute values and own text: where expressions can be. */
		List<String> values() {
			List<String> values = new ArrayList<>(attributes.values());
			if (!text.isEmpty()) {
				values.add(text.toString());
			}
			return values;
		}

		String deepText() {
			StringBuilder all = new StringBuilder(text);
			for (Node child : children) {
				all.append(child.deepText());
			}
			return all.toString();
		}

		List<Node> find(String ns, String local) {
			List<Node> found = new ArrayList<>();
			for (Node child : children) {
				if (child.is(ns, local)) {
					found.add(child);
				}
				found.addAll(child.find(ns, local));
			}
			return found;
		}

	}

	static Node parse(byte[] xml) {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			SAXParser parser = factory.newSAXParser();
			TreeBuilder builder = new TreeBuilder();
			parser.parse(new ByteArrayInputStream(xml), builder);
			return builder.root;
		}
		catch (ParserConfigurationException | SAXException | IOException unreadable) {
			return null;
		}
	}

	private static final class TreeBuilder extends DefaultHandler {

		private final Deque<Node> open = new ArrayDeque<>();

		private Locator locator;

		private Node root;

		@Override
		public void setDocumentLocator(Locator locator) {
			this.locator = locator;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			Node parent = open.peek();
			Node node = new Node(uri, localName, parent, locator == null ? 0 : locator.getLineNumber(),
					locator == null ? 0 : locator.getColumnNumber());
			for (int i = 0; i < attributes.getLength(); i++) {
				node.attributes.put(attributes.getURI(i) + "|" + attributes.getLocalName(i), attributes.getValue(i));
			}
			if (parent == null) {
				root = node;
			}
			else {
				parent.children.add(node);
			}
			open.push(node);
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			open.pop();
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (!open.isEmpty()) {
				open.peek().text.append(ch, start, length);
			}
		}

	}

}

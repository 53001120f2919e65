package io.zeren.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda 7 CE receives no more security fixes. The engine refuses expressions in top-level ad-hoc
 * queries, but evaluates them when they arrive nested in {@code orQueries} (found while building Zeren:
 * {@code POST /engine-rest/task {"orQueries":[{"assigneeExpression":"${…}"}]}} reaches the evaluator). An
 * expression is code; so no query that arrives over HTTP, on the engine REST API or the webapps' copy of
 * it, may carry one, nested or not. Stored filters keep their expressions: creating or changing a filter
 * needs a filter permission that only administrators hold.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

	/** The request body as read here, for the filters after this one (EngineApiGate): the body is read once. */
	static final String BODY = QueryExpressionGuard.class.getName() + ".body";

	private static final Pattern FILTER_DEFINITION = Pattern.compile(".*/filter/(create|[^/]+)$");

	private final ObjectMapper json;

	QueryExpressionGuard(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (isExpressionKey(parameter.getKey())) {
				refuse(response, parameter.getKey());
				return;
			}
		}
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)
				|| isFilterDefinition(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String offending = null;
		if (body.length > 0) {
			try {
				offending = findExpressionKey(json.readTree(body));
			}
			catch (JsonProcessingException malformed) {
				// Not ours to judge: the engine answers malformed JSON with its own 400.
			}
		}
		if (offending != null) {
			refuse(response, offending);
			return;
		}
		request.setAttribute(BODY, body);
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static boolean isFilterDefinition(HttpServletRequest request) {
		String method = request.getMethod();
		return ("POST".equals(method) || "PUT".equals(method))
				&& FILTER_DEFINITION.matcher(request.getRequestURI()).matches()
				&& !request.getRequestURI().endsWith("/list") && !request.getRequestURI().endsWith("/count")
				&& !request.getRequestURI().endsWith("/singleResult");
	}

	static String findExpressionKey(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (isExpressionKey(field.getKey())) {
					return field.getKey();
				}
				String nested = findExpressionKey(field.getValue());
				if (nested != null) {
					return nested;
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				String nested = findExpressionKey(element);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

	private static boolean isExpressionKey(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.endsWith("expression") || lower.endsWith("expressions");
	}

	private static void refuse(HttpServletResponse response, String key) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"BadUserRequestException\",\"message\":\"Expressions are not allowed in queries sent "
					+ "over HTTP (" + key.replaceAll("[^A-Za-z]", "") + ")\",\"code\":0}");
	}

	static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8));
		}

	}

}

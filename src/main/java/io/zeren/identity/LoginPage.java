package io.zeren.identity;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.zeren.shared.WorkbenchPage;

/**
 * Zeren's one login page (中文 by default): the form Spring Security's form login reads, for Zeren's pages and the
 * Camunda webapps alike. A refusal comes back with its reason and the login name typed.
 */
@Controller
@WorkbenchPage
class LoginPage {

	static final String PATH = "/login";

	/** Why the last login of this session was refused: minutes to wait (throttled) or null, and the login typed. */
	record Refusal(Long waitMinutes, String username) implements java.io.Serializable {
	}

	@GetMapping(PATH)
	String show(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			HttpSession session, Model model, java.security.Principal principal) {
		if (principal != null && error == null) {
			// Already logged in (a webapp showed its login route while the session holds): nothing to log in to.
			return "redirect:/";
		}
		Object refusal = session.getAttribute(LoginFailureHandler.REFUSAL);
		session.removeAttribute(LoginFailureHandler.REFUSAL);
		if (error != null && refusal instanceof Refusal refused) {
			model.addAttribute("refusal", refused);
			model.addAttribute("username", refused.username());
		}
		else if (error != null) {
			model.addAttribute("refusal", new Refusal(null, null));
		}
		model.addAttribute("loggedOut", logout != null);
		return "login";
	}

}

package io.zeren.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that are the system's business, not the current user's (keeping Camunda's identity
 * in step, starting a deadline watch for a task the user just created), without the user's authorization
 * checks, and restores the user afterwards. Authorization checks read the current authentication at
 * each call, so this also works inside a running engine command.
 */
@Component
public class SystemAuthentication {

	private final IdentityService identity;

	SystemAuthentication(IdentityService identity) {
		this.identity = identity;
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	public <T> T call(Supplier<T> work) {
		var caller = identity.getCurrentAuthentication();
		if (caller == null) {
			return work.get();
		}
		identity.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			identity.setAuthentication(caller);
		}
	}

}

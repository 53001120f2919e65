package io.zeren.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Each cached Spring test context runs its own Camunda engine named "default", but the engine REST API and
 * the webapps find "the" engine through Camunda's static {@link ProcessEngines} registry, which holds the
 * engine of whichever context started last. Before each test, this makes the registry point at the engine
 * of the context the test runs in. (Production has one context and one engine.)
 */
public class CurrentProcessEngine extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(ProcessEngine.class)
				.ifAvailable(ProcessEngines::registerProcessEngine);
		}
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

}

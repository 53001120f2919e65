package io.zeren;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Guards that keep the rules readable on their own. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.zeren");

	@Test
	void shouldKeepOrganisationRulesFreeOfSpringPersistenceAndCamunda() {
		noClasses().that()
			.haveSimpleNameStartingWith("OrganisationRules")
			.or()
			.haveSimpleName("OrgModel")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.camunda..")
			.check(classes);
	}

	@Test
	void shouldNotUseCamundaInternalsOutsideTheEngineConfiguration() {
		noClasses().that()
			// The one exception: deadlines follow the engine clock that process tests move (see its javadoc).
			.doNotHaveFullyQualifiedName("io.zeren.calendar.EngineClock")
			// Engine extensions have no public API: the index plugin and the deadline job handler (docs/performance.md).
			.and().doNotHaveFullyQualifiedName("io.zeren.workflow.EngineIndexes")
			// ... and the authorization manager that skips the per-command group scan (docs/performance.md).
			.and().haveNameNotMatching("io\\.zeren\\.workflow\\.EngineAuthorizationGroups.*")
			.and().haveNameNotMatching("io\\.zeren\\.workflow\\.TaskDeadlineJob.*")
			// The deployment check is a pre-deployer: the engine's only hook in front of every door's deployment.
			.and().haveNameNotMatching("io\\.zeren\\.workflow\\.DeploymentCheck.*")
			// The engine's command interceptor chain (a process engine plugin): what a command threw, for the refusal filter.
			.and().haveNameNotMatching("io\\.zeren\\.workflow\\.EngineRefusals\\$(Plugin|Recorder)")
			// The login throttle wraps the identity provider's password check, which has no public hook.
			.and().haveNameNotMatching("io\\.zeren\\.identity\\.IdentityEnginePlugin.*")
			// A task's name from its zeren.name property: only a parse listener sets a task definition's name expression,
			// and a create listener would come after the assignment event (docs/webapps-l10n.md, "Task names").
			.and().haveNameNotMatching("io\\.zeren\\.workflow\\.TaskNameExpressions.*")
			// saveUser(user, skipPasswordPolicy) for system-set passwords exists only on IdentityServiceImpl in 7.24.
			.and().doNotHaveFullyQualifiedName("io.zeren.identity.SystemPasswords")
			.should()
			// Also allowed: the authentication type that IdentityService's public methods take and return.
			.dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
				.resideInAnyPackage("org.camunda.bpm.engine.impl..")
				.and(com.tngtech.archunit.base.DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass.Predicates
					.equivalentTo(org.camunda.bpm.engine.impl.identity.Authentication.class))))
			.because("Camunda 7 CE is end of life: public APIs keep a move to a compatible fork cheap")
			.check(classes);
	}

}

package io.zeren.discipline;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes up a filing proposal from the lead register: opens the case and starts DisciplineCaseProcess. Listens
 * synchronously, in the publisher's transaction (not after commit), so that a refusal (e.g. the lead already has
 * an open case) rolls back the disposal that proposed it, and a rolled-back disposal leaves no case.
 */
@Component
class CaseFiling {

	private final DisciplineCases cases;

	CaseFiling(DisciplineCases cases) {
		this.cases = cases;
	}

	@EventListener
	@Transactional
	public void on(FilingProposed proposal) {
		cases.open(proposal);
	}

}

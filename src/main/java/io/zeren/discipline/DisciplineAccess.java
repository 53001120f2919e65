package io.zeren.discipline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
import io.zeren.organisation.RoleInfo;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitRole;
import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;

/**
 * Who may work on and see a lead or case. Candidates for discipline tasks come from here (BPMN:
 * {@code camunda:candidateUsers="${disciplineAccess.handlers(execution)}"}), never from whole groups, so that a
 * member of the discipline office who is the subject, the informant or one of the subject's supervisors never
 * even sees the task (recusal). Everyone who is given a task on a lead is remembered as a participant; the REST
 * API lets only the office, case review and participants read a lead, and writes each read to the audit trail.
 */
@Component("disciplineAccess")
public class DisciplineAccess {

	private final OrganisationDirectory directory;

	private final CaseParties parties;

	private final DisciplineProperties properties;

	private final ParticipantRepository participants;

	private final DisciplineInstances instances;

	DisciplineAccess(OrganisationDirectory directory, CaseParties parties, DisciplineProperties properties,
			ParticipantRepository participants, DisciplineInstances instances) {
		this.instances = instances;
		this.directory = directory;
		this.parties = parties;
		this.properties = properties;
		this.participants = participants;
	}

	// --- candidates, for BPMN expressions ---------------------------------------------------------------

	/** Discipline office members free of conflicts on this instance's lead. */
	public List<String> handlers(VariableScope execution) {
		return eligible(roleMembers(properties.roles().office()), partiesOf(execution), Duty.HANDLER);
	}

	/**
	 * The handlers a form offers (姓名（单位·岗位） submitting the login): discipline office members free of conflicts
	 * on this instance's lead, and no one else, so no case detail reaches anyone outside the office.
	 */
	public List<FormRows.Choice> handlerChoices(VariableScope execution) {
		List<String> free = handlers(execution);
		return PeopleChoices.of(roleMembers(properties.roles().office()).stream()
			.filter(member -> free.contains(member.username()))
			.toList());
	}

	/** Refuses a handler the form did not offer, with a sentence. */
	public void checkOffered(VariableScope execution, String handler) {
		if (!PeopleChoices.offered(handlerChoices(execution), handler)) {
			throw new RuleViolationException(new Msg("discipline.handler.not-offered"));
		}
	}

	/** Case review members free of conflicts. */
	public List<String> reviewers(VariableScope execution) {
		return eligible(roleMembers(properties.roles().review()), partiesOf(execution), Duty.REVIEWER);
	}

	/** Leadership free of conflicts (approval and decision). */
	public List<String> leaders(VariableScope execution) {
		return eligible(roleMembers(properties.roles().leadership()), partiesOf(execution), Duty.APPROVER);
	}

	/**
	 * The discipline office head who disposes of leads; if they are conflicted, the first free leading cadre
	 * of the office (a deputy), else the first free office member.
	 */
	public String officeHead(VariableScope execution) {
		CaseParties.Parties lead = partiesOf(execution);
		String unit = directory.roleOwner(properties.roles().office()).code();
		List<String> order = new ArrayList<>();
		directory.head(unit).ifPresent(head -> order.add(head.username()));
		List<StaffInfo> members = roleMembers(properties.roles().office());
		members.stream().filter(m -> m.unitRole() == UnitRole.DEPUTY).forEach(m -> order.add(m.username()));
		members.forEach(m -> order.add(m.username()));
		return order.stream().distinct().filter(user -> conflict(lead, user, Duty.HANDLER).isEmpty()).findFirst()
			.orElseThrow(() -> new RuleViolationException(new Msg("discipline.no-free-handler")));
	}

	// --- recusal ------------------------------------------------------------------------------------------

	/** Refuses a person who may not take this duty on this lead, with a message that says why. */
	public void checkAssignable(long leadId, String username, Duty duty) {
		checkAssignable(parties.of(leadId)
			.orElseThrow(() -> new NotFoundException(new Msg("discipline.lead.not-found", leadId))), username, duty);
	}

	/** The same, for the parties of a lead or of an accountability (its principal leader as the subject). */
	void checkAssignable(CaseParties.Parties lead, String username, Duty duty) {
		Optional<Msg> conflict = conflict(lead, username, duty);
		if (conflict.isPresent()) {
			throw new RuleViolationException(conflict.get());
		}
		if (duty != Duty.SUBJECT && directory.findStaffInfo(username).filter(StaffInfo::active).isEmpty()) {
			throw new RuleViolationException(new Msg("discipline.handler.unknown", username));
		}
	}

	/** Why {@code username} may not take {@code duty} on a lead with these parties, if they may not. */
	public Optional<Msg> conflict(CaseParties.Parties lead, String username, Duty duty) {
		if (duty == Duty.SUBJECT) {
			return Optional.empty();
		}
		if (username.equals(lead.subject())) {
			return Optional.of(new Msg("discipline.recusal.subject", username));
		}
		if (username.equals(lead.informant())) {
			return Optional.of(new Msg("discipline.recusal.informant", username));
		}
		if (duty != Duty.APPROVER && lead.subject() != null && directory.findStaffInfo(lead.subject()).isPresent()
				&& directory.supervisorChain(lead.subject()).stream().anyMatch(s -> s.username().equals(username))) {
			return Optional.of(new Msg("discipline.recusal.supervisor", username, lead.subject()));
		}
		if (duty != Duty.APPROVER && lead.subject() == null && lead.subjectUnit() != null
				&& directory.head(lead.subjectUnit()).map(StaffInfo::username).filter(username::equals).isPresent()) {
			return Optional.of(new Msg("discipline.recusal.supervisor", username, lead.subjectUnit()));
		}
		return Optional.empty();
	}

	// --- visibility ---------------------------------------------------------------------------------------

	/**
	 * Whether {@code username} may read the lead's file through the API: free of conflicts and either in the
	 * discipline office or case review, or a recorded participant in a duty other than subject.
	 */
	@Transactional(readOnly = true)
	public boolean canRead(String username, long leadId) {
		Optional<CaseParties.Parties> lead = parties.of(leadId);
		if (lead.isEmpty()) {
			return false;
		}
		if (conflict(lead.get(), username, Duty.HANDLER).isEmpty() && isOfficeOrReview(username)) {
			return true;
		}
		// A participation resting on a task counts only while the person still holds or is offered that task.
		return participants.findByLeadIdAndUsername(leadId, username).stream()
			.anyMatch(p -> p.duty() != Duty.SUBJECT && conflict(lead.get(), username, p.duty()).isEmpty()
					&& (p.isStanding() || instances.holds(p.basis(), username)));
	}

	/** Members of the discipline office or case review (who see the register as a whole). */
	public boolean isOfficeOrReview(String username) {
		return holdsAny(username, properties.roles().office(), properties.roles().review());
	}

	/**
	 * The duty someone's roles let them take on a discipline task, from one lookup of their membership: case
	 * review, else the office (handler), else the leadership (approval); empty for anyone else.
	 */
	public Optional<Duty> dutyByRole(String username) {
		Set<String> held = rolesOf(username);
		if (held.contains(properties.roles().review())) {
			return Optional.of(Duty.REVIEWER);
		}
		if (held.contains(properties.roles().office())) {
			return Optional.of(Duty.HANDLER);
		}
		return held.contains(properties.roles().leadership()) ? Optional.of(Duty.APPROVER) : Optional.empty();
	}

	/**
	 * The roles an active person holds through their unit (the same rule as a role's members: the owner unit,
	 * or below it for a role shared with sub-units).
	 */
	private Set<String> rolesOf(String username) {
		return directory.membership(username).filter(m -> m.staff().active())
			.map(OrganisationDirectory.Membership::roleCodes).orElse(Set.of());
	}

	private boolean holdsAny(String username, String... roleCodes) {
		Set<String> held = rolesOf(username);
		for (String code : roleCodes) {
			if (held.contains(code)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether someone could see any discipline task at all: a discipline role (office, review, leadership), or a
	 * participation in some lead, the subject's included. A cheap test that lets ordinary staff's task lists pass
	 * the audit untouched.
	 */
	@Transactional(readOnly = true)
	public boolean couldSeeDisciplineTasks(String username) {
		return dutyByRole(username).isPresent() || participants.existsByUsername(username);
	}

	/** The head of the discipline office (who may read the audit trail). */
	public boolean isOfficeHead(String username) {
		return directory.head(directory.roleOwner(properties.roles().office()).code())
			.map(StaffInfo::username).filter(username::equals).isPresent();
	}

	/** Remembers that someone was given a standing duty on a lead (idempotent): registrar, named handler. */
	@Transactional
	public void participate(long leadId, String username, Duty duty) {
		participate(leadId, username, duty, Participant.STANDING);
	}

	/**
	 * Remembers that someone was given a duty on a lead on the given basis (idempotent): {@link Participant#STANDING}
	 * or the id of the open task that gives or offers it to them.
	 */
	@Transactional
	void participate(long leadId, String username, Duty duty, String basis) {
		List<Participant> rows = participants.findByLeadIdAndUsername(leadId, username);
		if (rows.stream().noneMatch(p -> p.duty() == duty && (p.basis().equals(basis) || p.isStanding()))) {
			participants.save(new Participant(leadId, username, duty, EngineClock.now(), basis));
			if (Participant.STANDING.equals(basis)) {
				// A standing participation makes the task-based ones in the same duty redundant.
				rows.stream().filter(p -> p.duty() == duty).forEach(participants::delete);
			}
		}
	}

	/**
	 * A task no longer gives anything to the people not in {@code holders} (assignee, owner, offered candidates):
	 * their participation that rested on it alone ends, so a task taken away before it was worked opens nothing
	 * for good.
	 */
	@Transactional
	void taskHeldOnlyBy(String taskId, Set<String> holders) {
		List<Participant> rows = participants.findByBasis(taskId);
		rows.stream().filter(p -> !holders.contains(p.username())).forEach(participants::delete);
	}

	/**
	 * The task was completed by {@code worker}: their participation on it becomes standing (they worked on the
	 * case); everyone else offered it loses what rested on it alone.
	 */
	@Transactional
	void taskWorked(long leadId, String taskId, String worker) {
		for (Participant row : participants.findByBasis(taskId)) {
			if (row.username().equals(worker)) {
				participate(leadId, worker, row.duty(), Participant.STANDING);
			}
			participants.delete(row);
		}
	}

	/** Leads a person takes part in, in a duty other than subject. */
	@Transactional(readOnly = true)
	public Set<Long> leadsOf(String username) {
		Set<Long> leads = new LinkedHashSet<>();
		participants.findByUsername(username).stream().filter(p -> p.duty() != Duty.SUBJECT)
			.forEach(p -> leads.add(p.leadId()));
		return leads;
	}

	// -------------------------------------------------------------------------------------------------------

	/** The parties from the system's record of the instance, never from its variables. */
	private CaseParties.Parties partiesOf(VariableScope execution) {
		return partiesOf(instances.of(execution)
			.orElseThrow(() -> new RuleViolationException(new Msg("discipline.instance.unknown"))));
	}

	/** A lead's parties from the register; an accountability's principal leader stands as its subject. */
	CaseParties.Parties partiesOf(DisciplineInstance instance) {
		if (instance.leadId() == null) {
			return new CaseParties.Parties(instance.principal(), null, null);
		}
		return parties.of(instance.leadId())
			.orElseThrow(() -> new NotFoundException(new Msg("discipline.lead.not-found", instance.leadId())));
	}

	private List<String> eligible(List<StaffInfo> members, CaseParties.Parties lead, Duty duty) {
		List<String> free = members.stream().filter(StaffInfo::active).map(StaffInfo::username)
			.filter(user -> conflict(lead, user, duty).isEmpty()).distinct().toList();
		if (free.isEmpty()) {
			throw new RuleViolationException(new Msg("discipline.no-free-" + duty.name().toLowerCase()));
		}
		return free;
	}

	private List<StaffInfo> roleMembers(String roleCode) {
		RoleInfo role = directory.role(roleCode);
		return directory.members(role.ownerUnitCode(), role.withSubunits());
	}

}

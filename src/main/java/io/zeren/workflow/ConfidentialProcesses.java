package io.zeren.workflow;

import java.util.List;

import io.zeren.organisation.StaffInfo;

/**
 * A module whose processes are confidential (discipline cases) declares a bean of this type. For those
 * processes the workflow module escalates overdue tasks along the chain given here instead of the owner's
 * supervisor chain (a subject's unit head must learn nothing of a case), never hands their tasks to an
 * out-of-office substitute, and leaves them out of the per-person deadline statistics.
 */
public interface ConfidentialProcesses {

	/** The process definition keys whose tasks are confidential. */
	java.util.Set<String> processKeys();

	/** The decision definition keys whose evaluations hold case facts (their history is confidential too). */
	default java.util.Set<String> decisionKeys() {
		return java.util.Set.of();
	}

	/** Who an overdue task of the instance escalates to, nearest first; empty = nobody. */
	List<StaffInfo> escalationChain(String processInstanceId, String owner);

	/**
	 * Whether a task of the instance may be handed (转办, 委派, 加签) to this person: inside the module's own staff
	 * only. Nobody by default; a confidential task is never copied (抄送) to anyone.
	 */
	default boolean mayHandle(String processInstanceId, String username) {
		return false;
	}

	/** The process definition key in a process definition id ("Key:version:id"). */
	static String keyOf(String processDefinitionId) {
		if (processDefinitionId == null) {
			return null;
		}
		int colon = processDefinitionId.indexOf(':');
		return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
	}

}

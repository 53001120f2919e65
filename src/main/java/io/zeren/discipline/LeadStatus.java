package io.zeren.discipline;

/** Where a lead stands in its disposal. */
public enum LeadStatus {

	/** Registered (or woken up again): waiting for the office head's disposal decision. */
	REGISTERED,
	/** 谈话函询: the subject is asked to answer, or the handler assesses the answer. */
	INQUIRY,
	/** 初步核实: the handler verifies, or the office head confirms the report. */
	VERIFICATION,
	/** 暂存待查: waits for the re-check date or new information. */
	SET_ASIDE,
	/** 予以了结 (outcome CLOSED) or closed after 批评教育 (outcome EDUCATED). */
	CLOSED,
	/** Verification warrants a case: handed to the case process (立案). */
	FILING_PROPOSED;

	public boolean isOpen() {
		return this != CLOSED && this != FILING_PROPOSED;
	}

}

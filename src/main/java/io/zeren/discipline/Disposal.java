package io.zeren.discipline;

/** The four ways of disposing of a lead (线索处置方式). */
public enum Disposal {

	/** 谈话函询: the subject answers questions in writing; the handler assesses the answer. */
	TALK_INQUIRY,
	/** 初步核实: the handler verifies and reports with a recommendation. */
	PRELIMINARY_VERIFICATION,
	/** 暂存待查: set aside until the re-check date or new information. */
	SET_ASIDE,
	/** 予以了结. */
	CLOSE

}

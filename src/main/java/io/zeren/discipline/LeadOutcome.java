package io.zeren.discipline;

/** How a lead's disposal ended. */
public enum LeadOutcome {

	/** 予以了结. */
	CLOSED,
	/** 批评教育: closed with criticism and education of the subject, recorded in the file. */
	EDUCATED,
	/** 拟立案: handed to the case process. */
	FILING_PROPOSED

}

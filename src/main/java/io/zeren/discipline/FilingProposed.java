package io.zeren.discipline;

/**
 * The disposal of a lead ended in a proposal to file a case (立案): the case process takes it from here,
 * starting with the leadership's approval of the filing. Published inside the transaction that completes the
 * disposal, so a refusal to start the case rolls the completion back.
 *
 * @param leadId the lead (zr_dis_lead)
 * @param leadNumber its number
 * @param subject username of the person concerned
 * @param summary what the lead is about, as the handler summarised it (no informant identity)
 * @param verificationReport the preliminary verification report that supports the proposal
 * @param proposedBy who proposed filing
 */
public record FilingProposed(long leadId, String leadNumber, String subject, String summary,
		String verificationReport, String proposedBy) {
}

-- Discipline: letters (信访来信) and visits (信访来访) are recorded as lead sources of their own, so that the
-- intake form of the workbench offers every way a lead arrives. LETTER_REPORT stays for other reports
-- (telephone, online) and for the rows registered before.
alter table zr_dis_lead drop constraint zr_dis_lead_source_ck;
alter table zr_dis_lead add constraint zr_dis_lead_source_ck check (source in ('LETTER', 'VISIT', 'LETTER_REPORT',
    'INSPECTION_FINDING', 'RECTIFICATION_FAILED', 'RECTIFICATION_OVERDUE', 'INCOMPETENT_GRADE', 'AUDIT', 'REFERRAL',
    'SELF_REPORT'));

-- Discipline: the lead register (问题线索) and the history of each lead's disposal (线索处置).
-- A lead is confidential from the start: the informant's identity lives only in zr_dis_lead and is never
-- copied into a process variable. (source, source_ref) is unique so that a lead derived from an event
-- (a failed rectification, an incompetent grade, a referral) is registered once however often the event
-- arrives; leads entered by hand get their own number as source_ref when no reference is given (Oracle
-- treats (source, null) pairs as duplicates, so source_ref is never null).
-- Long texts (inquiry answers, verification reports) are stored in ordered parts of at most 1000
-- characters in varchar(4000) columns, as the mail outbox does: no vendor LOB type needed.

create sequence zr_dis_lead_seq start with 1 increment by 50;
create sequence zr_dis_lead_entry_seq start with 1 increment by 50;

create table zr_dis_lead (
    id                  ${bigint}     not null,
    lead_number         varchar(64)   not null,
    lead_year           integer       not null,
    source              varchar(24)   not null,
    source_ref          varchar(100)  not null,
    subject_username    varchar(64),
    unit_code           varchar(32),
    title               varchar(200)  not null,
    summary             varchar(4000) not null,
    received_on         date          not null,
    informant_name      varchar(100),
    informant_contact   varchar(200),
    informant_username  varchar(64),
    status              varchar(20)   not null,
    disposal            varchar(30),
    disposal_reason     varchar(4000),
    outcome             varchar(20),
    handler             varchar(64),
    recheck_at          timestamp,
    registered_by       varchar(64)   not null,
    registered_at       timestamp     not null,
    closed_at           timestamp,
    version             integer       not null,
    constraint zr_dis_lead_pk primary key (id),
    constraint zr_dis_lead_no_uk unique (lead_number),
    constraint zr_dis_lead_src_uk unique (source, source_ref),
    constraint zr_dis_lead_status_ck check (status in ('REGISTERED', 'INQUIRY', 'VERIFICATION', 'SET_ASIDE',
        'CLOSED', 'FILING_PROPOSED')),
    constraint zr_dis_lead_source_ck check (source in ('LETTER_REPORT', 'INSPECTION_FINDING', 'RECTIFICATION_FAILED',
        'RECTIFICATION_OVERDUE', 'INCOMPETENT_GRADE', 'AUDIT', 'REFERRAL', 'SELF_REPORT'))
);
create index zr_dis_lead_year_ix on zr_dis_lead (lead_year, status);
create index zr_dis_lead_subj_ix on zr_dis_lead (subject_username);

-- One step in a lead's file: a disposal decision, the subject's written answer, the handler's assessment
-- of it, a verification report, the office head's confirmation or return, new information, a re-check.
create table zr_dis_lead_entry (
    id                  ${bigint}     not null,
    lead_id             ${bigint}     not null,
    kind                varchar(30)   not null,
    choice              varchar(30),
    handler             varchar(64),
    actor               varchar(64)   not null,
    at                  timestamp     not null,
    constraint zr_dis_lead_entry_pk primary key (id),
    constraint zr_dis_lead_entry_fk foreign key (lead_id) references zr_dis_lead (id)
);
create index zr_dis_lead_entry_ix on zr_dis_lead_entry (lead_id, at);

create table zr_dis_lead_text (
    entry_id            ${bigint}     not null,
    part_no             integer       not null,
    chunk               varchar(4000) not null,
    constraint zr_dis_lead_text_pk primary key (entry_id, part_no),
    constraint zr_dis_lead_text_fk foreign key (entry_id) references zr_dis_lead_entry (id)
);

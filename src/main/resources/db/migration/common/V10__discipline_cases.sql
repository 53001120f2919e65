-- Discipline cases (立案审查): one row per case filed on a lead, from the filing proposal to the archive, and
-- the sanctions a decision imposes with their periods (they cap assessment grades and block promotion while
-- in force). Texts addressed to the subject and internal texts are kept in separate columns so that the API
-- can leave the internal ones out for anyone but the office.

create sequence zr_dis_case_seq start with 1 increment by 50;
create sequence zr_dis_sanction_seq start with 1 increment by 50;

create table zr_dis_case (
    id                  ${bigint}     not null,
    case_number         varchar(64)   not null,
    lead_id             ${bigint}     not null,
    subject             varchar(64)   not null,
    unit_code           varchar(32),
    status              varchar(24)   not null,
    summary             varchar(4000),
    filing_basis        varchar(4000),
    proposed_by         varchar(64),
    created_at          timestamp     not null,
    filing_by           varchar(64),
    filing_at           timestamp,
    filing_approved     char(1),
    filing_reason       varchar(2000),
    inv_due_at          timestamp,
    inv_extended_at     timestamp,
    ext_requested       char(1)       not null,
    ext_reason          varchar(2000),
    ext_approved        char(1),
    ext_decided_by      varchar(64),
    subject_findings    varchar(4000),
    inv_report          varchar(4000),
    investigated_by     varchar(64),
    investigated_at     timestamp,
    statement_text      varchar(4000),
    statement_waived    char(1),
    stated_at           timestamp,
    review_opinion      varchar(4000),
    send_backs          integer       not null,
    send_back_reason    varchar(2000),
    reviewed_by         varchar(64),
    reviewed_at         timestamp,
    severity            varchar(16),
    circumstances       varchar(16),
    suggested_form      integer,
    suggested_outcome   varchar(32),
    decided_outcome     varchar(32),
    deviation_reason    varchar(2000),
    decided_by          varchar(64),
    decided_at          timestamp,
    delivered_at        timestamp,
    appeal_due_at       timestamp,
    appeal_reason       varchar(4000),
    appealed_at         timestamp,
    appeal_review       varchar(4000),
    appeal_outcome      varchar(16),
    appeal_new_outcome  varchar(32),
    appeal_dec_reason   varchar(2000),
    appeal_decided_by   varchar(64),
    appeal_decided_at   timestamp,
    final_at            timestamp,
    archived_at         timestamp,
    version_no          integer       not null,
    constraint zr_dis_case_pk primary key (id),
    constraint zr_dis_case_no_uq unique (case_number)
);
create index zr_dis_case_lead_ix on zr_dis_case (lead_id);
create index zr_dis_case_subj_ix on zr_dis_case (subject);

create table zr_dis_sanction (
    id                  ${bigint}     not null,
    case_id             ${bigint}     not null,
    lead_id             ${bigint}     not null,
    username            varchar(64)   not null,
    kind                varchar(32)   not null,
    category            varchar(16)   not null,
    starts_at           timestamp     not null,
    ends_at             timestamp,
    promotion_blocked_until timestamp,
    status              varchar(16)   not null,
    lifted_at           timestamp,
    ended_reason        varchar(2000),
    created_at          timestamp     not null,
    version_no          integer       not null,
    constraint zr_dis_sanction_pk primary key (id),
    constraint zr_dis_sanc_case_fk foreign key (case_id) references zr_dis_case (id)
);
create index zr_dis_sanction_user_ix on zr_dis_sanction (username, status);
create index zr_dis_sanction_case_ix on zr_dis_sanction (case_id);

-- Inspection (年中督促检查): inspections of units, their findings (问题清单), one rectification (整改) per
-- finding with its evidence and verifications, and staff progress self-reports with the unit head's review.
-- Staff are referenced by username, units by code, the year as an integer (no foreign keys into other modules).

create sequence zr_inspection_seq start with 1 increment by 50;
create sequence zr_finding_seq start with 1 increment by 50;
create sequence zr_rect_evidence_seq start with 1 increment by 50;
create sequence zr_rect_verif_seq start with 1 increment by 50;
create sequence zr_self_report_seq start with 1 increment by 50;
create sequence zr_self_round_seq start with 1 increment by 50;

create table zr_inspection (
    id              ${bigint}     not null,
    cycle_year      integer       not null,
    unit_code       varchar(32)   not null,
    title           varchar(200)  not null,
    starts_on       date          not null,
    ends_on         date          not null,
    status          varchar(16)   not null,
    created_by      varchar(64)   not null,
    created_at      timestamp     not null,
    closed_at       timestamp,
    version_no      integer       not null,
    constraint zr_inspection_pk primary key (id)
);
create index zr_insp_year_unit_ix on zr_inspection (cycle_year, unit_code);

create table zr_inspection_member (
    inspection_id   ${bigint}     not null,
    username        varchar(64)   not null,
    constraint zr_insp_member_pk primary key (inspection_id, username),
    constraint zr_insp_member_fk foreign key (inspection_id) references zr_inspection (id)
);

create table zr_finding (
    id              ${bigint}     not null,
    inspection_id   ${bigint}     not null,
    cycle_year      integer       not null,
    target          varchar(16)   not null,
    unit_code       varchar(32)   not null,
    person_username varchar(64),
    description     varchar(2000) not null,
    severity        varchar(16)   not null,
    requirement     varchar(2000) not null,
    deadline        date          not null,
    recorded_by     varchar(64)   not null,
    recorded_at     timestamp     not null,
    constraint zr_finding_pk primary key (id),
    constraint zr_finding_insp_fk foreign key (inspection_id) references zr_inspection (id)
);
create index zr_finding_insp_ix on zr_finding (inspection_id);
create index zr_finding_unit_ix on zr_finding (unit_code);

-- One per finding, keyed by it; the process instance's business key is the finding id too.
create table zr_rectification (
    finding_id      ${bigint}     not null,
    responsible     varchar(64)   not null,
    state           varchar(16)   not null,
    deadline_at     timestamp     not null,
    plan_text       varchar(2000),
    plan_at         timestamp,
    rejections      integer       not null,
    overdue         char(1)       not null,
    failed          char(1)       not null,
    closed_at       timestamp,
    version_no      integer       not null,
    constraint zr_rectification_pk primary key (finding_id),
    constraint zr_rect_finding_fk foreign key (finding_id) references zr_finding (id)
);
create index zr_rect_resp_ix on zr_rectification (responsible);

create table zr_rect_evidence (
    id              ${bigint}     not null,
    finding_id      ${bigint}     not null,
    note            varchar(2000) not null,
    submitted_by    varchar(64)   not null,
    submitted_at    timestamp     not null,
    late            char(1)       not null,
    constraint zr_rect_evidence_pk primary key (id),
    constraint zr_rect_evid_fk foreign key (finding_id) references zr_rectification (finding_id)
);
create index zr_rect_evid_ix on zr_rect_evidence (finding_id);

create table zr_rect_verification (
    id              ${bigint}     not null,
    finding_id      ${bigint}     not null,
    outcome         varchar(16)   not null,
    reason          varchar(1000),
    verified_by     varchar(64)   not null,
    verified_at     timestamp     not null,
    constraint zr_rect_verif_pk primary key (id),
    constraint zr_rect_verif_fk foreign key (finding_id) references zr_rectification (finding_id)
);
create index zr_rect_verif_ix on zr_rect_verification (finding_id);

-- One mid-year self-report per staff member and year: the unique constraint makes the kick-off idempotent.
create table zr_self_report (
    id              ${bigint}     not null,
    cycle_year      integer       not null,
    username        varchar(64)   not null,
    unit_code       varchar(32)   not null,
    state           varchar(16)   not null,
    created_at      timestamp     not null,
    version_no      integer       not null,
    constraint zr_self_report_pk primary key (id),
    constraint zr_self_rep_uk unique (cycle_year, username)
);
create index zr_self_rep_unit_ix on zr_self_report (unit_code);

-- Each submission of the text and the head's review of it (accepted, or returned with a comment).
create table zr_self_round (
    id              ${bigint}     not null,
    report_id       ${bigint}     not null,
    round_no        integer       not null,
    progress_text   varchar(4000) not null,
    submitted_at    timestamp     not null,
    outcome         varchar(16),
    review_note     varchar(1000),
    reviewed_by     varchar(64),
    reviewed_at     timestamp,
    constraint zr_self_round_pk primary key (id),
    constraint zr_self_round_fk foreign key (report_id) references zr_self_report (id)
);
create index zr_self_round_ix on zr_self_round (report_id);

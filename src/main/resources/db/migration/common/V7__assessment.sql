-- Year-end assessment: one row per person and year, the unit's committee review, peer votes, the history of
-- grade changes, objections during publicity, review and appeal requests, and consecutive-years follow-ups.

create sequence zr_assessment_seq start with 1 increment by 50;
create sequence zr_asmt_unit_seq start with 1 increment by 50;
create sequence zr_asmt_vote_seq start with 1 increment by 50;
create sequence zr_asmt_change_seq start with 1 increment by 50;
create sequence zr_asmt_objection_seq start with 1 increment by 50;
create sequence zr_asmt_review_seq start with 1 increment by 50;
create sequence zr_asmt_follow_up_seq start with 1 increment by 50;

-- One per staff member and year: the unique constraint, not the business key, keeps it single.
create table zr_assessment (
    id                  ${bigint}     not null,
    asmt_year           integer       not null,
    username            varchar(64)   not null,
    unit_code           varchar(32)   not null,
    status              varchar(24)   not null,
    self_summary        varchar(4000),
    summary_at          timestamp,
    head_comment        varchar(2000),
    proposed_grade      varchar(24),
    proposed_by         varchar(64),
    proposed_at         timestamp,
    peer_count          integer       not null,
    votes_required      integer       not null,
    failed_rect         integer,
    overdue_tasks       integer,
    sanction            varchar(32),
    grade_cap           varchar(24),
    recommended_grade   varchar(24),
    recommend_basis     varchar(500),
    committee_grade     varchar(24),
    decided_grade       varchar(24),
    final_grade         varchar(24),
    notified_at         timestamp,
    review_due_at       timestamp,
    acknowledged_at     timestamp,
    archived_at         timestamp,
    created_at          timestamp     not null,
    version_no          integer       not null,
    constraint zr_assessment_pk primary key (id),
    constraint zr_asmt_person_uk unique (asmt_year, username)
);
create index zr_asmt_unit_ix on zr_assessment (asmt_year, unit_code);
create index zr_asmt_user_ix on zr_assessment (username);

-- The committee's review of one unit in one year, then the leadership's decision and the publicity.
create table zr_asmt_unit (
    id                  ${bigint}     not null,
    asmt_year           integer       not null,
    unit_code           varchar(32)   not null,
    status              varchar(24)   not null,
    assessed            integer       not null,
    quota               integer       not null,
    committee_by        varchar(64),
    committee_at        timestamp,
    committee_note      varchar(2000),
    leadership_by       varchar(64),
    leadership_at       timestamp,
    leadership_note     varchar(2000),
    publicity_from      timestamp,
    publicity_until     timestamp,
    published_at        timestamp,
    created_at          timestamp     not null,
    version_no          integer       not null,
    constraint zr_asmt_unit_pk primary key (id),
    constraint zr_asmt_unit_uk unique (asmt_year, unit_code)
);

-- Democratic evaluation: one vote per peer and assessment.
create table zr_asmt_vote (
    id                  ${bigint}     not null,
    assessment_id       ${bigint}     not null,
    voter               varchar(64)   not null,
    grade               varchar(24)   not null,
    remark              varchar(1000),
    voted_at            timestamp     not null,
    constraint zr_asmt_vote_pk primary key (id),
    constraint zr_asmt_vote_uk unique (assessment_id, voter),
    constraint zr_asmt_vote_asmt_fk foreign key (assessment_id) references zr_assessment (id)
);

-- Every change of a grade: who, when, at which step, from, to and why.
create table zr_asmt_change (
    id                  ${bigint}     not null,
    assessment_id       ${bigint}     not null,
    stage               varchar(24)   not null,
    from_grade          varchar(24),
    to_grade            varchar(24),
    changed_by          varchar(64)   not null,
    changed_at          timestamp     not null,
    reason              varchar(2000),
    constraint zr_asmt_change_pk primary key (id),
    constraint zr_asmt_change_asmt_fk foreign key (assessment_id) references zr_assessment (id)
);
create index zr_asmt_change_ix on zr_asmt_change (assessment_id);

-- An objection against a publicised 优秀 grade; the objector is kept from the person it concerns.
create table zr_asmt_objection (
    id                  ${bigint}     not null,
    assessment_id       ${bigint}     not null,
    filed_by            varchar(64)   not null,
    reason              varchar(2000) not null,
    filed_at            timestamp     not null,
    status              varchar(16)   not null,
    new_grade           varchar(24),
    resolved_by         varchar(64),
    resolved_at         timestamp,
    resolution_note     varchar(2000),
    version_no          integer       not null,
    constraint zr_asmt_objection_pk primary key (id),
    constraint zr_asmt_obj_asmt_fk foreign key (assessment_id) references zr_assessment (id)
);
create index zr_asmt_obj_ix on zr_asmt_objection (assessment_id);

-- Review (复核) and appeal (申诉) of a notified grade: at most one of each per assessment.
create table zr_asmt_review (
    id                  ${bigint}     not null,
    assessment_id       ${bigint}     not null,
    kind                varchar(16)   not null,
    requested_by        varchar(64)   not null,
    reason              varchar(2000) not null,
    requested_at        timestamp     not null,
    outcome             varchar(16),
    new_grade           varchar(24),
    decided_by          varchar(64),
    decided_at          timestamp,
    decision_note       varchar(2000),
    version_no          integer       not null,
    constraint zr_asmt_review_pk primary key (id),
    constraint zr_asmt_review_uk unique (assessment_id, kind),
    constraint zr_asmt_rev_asmt_fk foreign key (assessment_id) references zr_assessment (id)
);

-- Consequences of consecutive years: merit citation, dismissal review.
create table zr_asmt_follow_up (
    id                  ${bigint}     not null,
    username            varchar(64)   not null,
    asmt_year           integer       not null,
    kind                varchar(24)   not null,
    basis               varchar(500)  not null,
    created_at          timestamp     not null,
    constraint zr_asmt_follow_up_pk primary key (id),
    constraint zr_asmt_fu_uk unique (username, asmt_year, kind)
);

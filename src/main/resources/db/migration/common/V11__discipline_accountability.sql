-- Accountability (问责) of the leaders answerable for a unit whose principal responsibility failed: the matter
-- (one per AccountabilityProcess instance, business key = its number), the responsible leaders with their
-- measure and how they received it, and the ground events (triggers) counted towards opening a matter.
-- Staff are referenced by username, units by code, the year as an integer (no foreign keys into other modules).

create sequence zr_dis_acct_seq start with 1 increment by 50;
create sequence zr_dis_acct_leader_seq start with 1 increment by 50;
create sequence zr_dis_acct_ground_seq start with 1 increment by 50;

create table zr_dis_acct (
    id                  ${bigint}     not null,
    acct_number         varchar(64)   not null,
    unit_code           varchar(32)   not null,
    ground_kind         varchar(24)   not null,
    ground_detail       varchar(2000) not null,
    acct_year           integer       not null,
    status              varchar(24)   not null,
    -- unit|kind|year while a triggered matter is open, else null: at most one open matter per key.
    open_key            varchar(80),
    principal           varchar(64)   not null,
    opened_by           varchar(64)   not null,
    opened_at           timestamp     not null,
    report              varchar(4000),
    proposed_org        varchar(32),
    proposed_measures   varchar(4000),
    no_acct_reason      varchar(2000),
    investigated_by     varchar(64),
    investigated_at     timestamp,
    org_measure         varchar(32),
    org_reason          varchar(2000),
    decided_by          varchar(64),
    decided_at          timestamp,
    objection_due_at    timestamp,
    closed_at           timestamp,
    version_no          integer       not null,
    constraint zr_dis_acct_pk primary key (id),
    constraint zr_dis_acct_no_uq unique (acct_number),
    constraint zr_dis_acct_open_uq unique (open_key)
);
create index zr_dis_acct_unit_ix on zr_dis_acct (unit_code, acct_year);

create table zr_dis_acct_leader (
    id                  ${bigint}     not null,
    acct_id             ${bigint}     not null,
    username            varchar(64)   not null,
    chain_level         integer       not null,
    post                varchar(100),
    unit_code           varchar(32)   not null,
    measure             varchar(32),
    measure_reason      varchar(2000),
    decided_measure     varchar(32),
    delivered_at        timestamp,
    acknowledged_at     timestamp,
    lapsed              char(1)       not null,
    appealed            char(1)       not null,
    appeal_reason       varchar(2000),
    appeal_outcome      varchar(16),
    appeal_note         varchar(2000),
    appeal_by           varchar(64),
    appeal_at           timestamp,
    constraint zr_dis_acct_leader_pk primary key (id),
    constraint zr_dis_acct_ldr_uq unique (acct_id, username),
    constraint zr_dis_acct_leader_fk foreign key (acct_id) references zr_dis_acct (id)
);
create index zr_dis_acct_ldr_user_ix on zr_dis_acct_leader (username);

create table zr_dis_acct_ground (
    id                  ${bigint}     not null,
    ground_kind         varchar(24)   not null,
    source_ref          varchar(100)  not null,
    unit_code           varchar(32)   not null,
    acct_year           integer       not null,
    detail              varchar(2000) not null,
    occurred_at         timestamp     not null,
    acct_id             ${bigint},
    constraint zr_dis_acct_ground_pk primary key (id),
    constraint zr_dis_acct_grd_uq unique (ground_kind, source_ref),
    constraint zr_dis_acct_ground_fk foreign key (acct_id) references zr_dis_acct (id)
);
create index zr_dis_acct_grd_unit_ix on zr_dis_acct_ground (unit_code, ground_kind, acct_year);

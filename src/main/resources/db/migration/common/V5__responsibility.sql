-- Responsibility cycle, deploy phase and daily record: cycles, catalogue, unit lists, personal lists,
-- objections, evidence, quarterly checks and the kick-off progress. Item terms are copied at each level
-- (catalogue → unit list → personal list) so that a later change above never rewrites a signed list.

create sequence zr_resp_seq start with 1 increment by 50;

-- One cycle per year: the unique year is what makes opening a cycle idempotent.
create table zr_resp_cycle (
    id               ${bigint}     not null,
    cycle_year       integer       not null,
    title            varchar(200)  not null,
    work_points      varchar(4000),
    state            varchar(16)   not null,
    decision_note    varchar(1000),
    opened_by        varchar(64)   not null,
    opened_at        timestamp     not null,
    deployed_at      timestamp,
    version_no       integer       not null,
    constraint zr_resp_cycle_pk primary key (id),
    constraint zr_resp_cycle_uk unique (cycle_year)
);

-- Catalogue items (owner_kind CYCLE), unit list items (UNIT) and personal list items (PERSONAL) share one
-- shape; owner_id points at the cycle, unit list or personal list.
create table zr_resp_item (
    id               ${bigint}     not null,
    owner_kind       varchar(8)    not null,
    owner_id         ${bigint}     not null,
    source_id        ${bigint},
    sort_no          integer       not null,
    title            varchar(200)  not null,
    target           varchar(1000),
    measure          varchar(1000),
    weight           integer       not null,
    evidence_req     varchar(500),
    due_on           date,
    categories       varchar(200),
    posts            varchar(500),
    for_unit         char(1)       not null,
    constraint zr_resp_item_pk primary key (id)
);
create index zr_resp_item_owner_ix on zr_resp_item (owner_kind, owner_id);

create table zr_unit_list (
    id               ${bigint}     not null,
    cycle_id         ${bigint}     not null,
    unit_code        varchar(32)   not null,
    confirmed_by     varchar(64),
    confirmed_at     timestamp,
    version_no       integer       not null,
    constraint zr_unit_list_pk primary key (id),
    constraint zr_unit_list_uk unique (cycle_id, unit_code),
    constraint zr_unit_list_cycle_fk foreign key (cycle_id) references zr_resp_cycle (id)
);

-- One personal list per staff member and cycle: the kick-off and the mid-year joiners rely on this
-- constraint, not on the process business key, to never issue a list twice.
create table zr_pers_list (
    id               ${bigint}     not null,
    cycle_id         ${bigint}     not null,
    username         varchar(64)   not null,
    unit_code        varchar(32)   not null,
    category         varchar(32),
    post             varchar(100),
    state            varchar(16)   not null,
    issued_at        timestamp     not null,
    signed_at        timestamp,
    version_no       integer       not null,
    constraint zr_pers_list_pk primary key (id),
    constraint zr_pers_list_uk unique (cycle_id, username),
    constraint zr_pers_list_cycle_fk foreign key (cycle_id) references zr_resp_cycle (id)
);
create index zr_pers_list_unit_ix on zr_pers_list (cycle_id, unit_code);

create table zr_resp_objection (
    id               ${bigint}     not null,
    list_id          ${bigint}     not null,
    item_id          ${bigint}     not null,
    reason           varchar(1000) not null,
    raised_at        timestamp     not null,
    answer           varchar(1000),
    answered_by      varchar(64),
    answered_at      timestamp,
    constraint zr_resp_objection_pk primary key (id)
);
create index zr_resp_obj_list_ix on zr_resp_objection (list_id);

-- Evidence keeps the attachment's name, type and size only; the file itself stays in the agency's
-- document system (no blobs here: portable, and confidentiality stays with that system).
create table zr_resp_evidence (
    id               ${bigint}     not null,
    list_id          ${bigint}     not null,
    item_id          ${bigint}     not null,
    occurred_on      date          not null,
    kind             varchar(32)   not null,
    note             varchar(2000),
    att_name         varchar(255),
    att_type         varchar(100),
    att_size         ${bigint},
    recorded_by      varchar(64)   not null,
    recorded_at      timestamp     not null,
    constraint zr_resp_evidence_pk primary key (id)
);
create index zr_resp_ev_list_ix on zr_resp_evidence (list_id, item_id);

create table zr_resp_check (
    id               ${bigint}     not null,
    list_id          ${bigint}     not null,
    quarter_no       integer       not null,
    rating           varchar(16)   not null,
    note             varchar(1000),
    checked_by       varchar(64)   not null,
    checked_at       timestamp     not null,
    constraint zr_resp_check_pk primary key (id)
);
create index zr_resp_check_list_ix on zr_resp_check (list_id);

-- Progress of the latest kick-off run of a cycle (one row per cycle).
create table zr_kickoff (
    cycle_id         ${bigint}     not null,
    state            varchar(16)   not null,
    total_count      integer       not null,
    done_count       integer       not null,
    failed_count     integer       not null,
    last_batch       integer       not null,
    batch_size       integer       not null,
    last_error       varchar(1000),
    started_at       timestamp     not null,
    updated_at       timestamp     not null,
    constraint zr_kickoff_pk primary key (cycle_id)
);

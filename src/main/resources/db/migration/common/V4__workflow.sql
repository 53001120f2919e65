-- Deadlines, escalations, urges and out-of-office delegation for user tasks of every process.

create sequence zr_task_deadline_seq start with 1 increment by 50;
create sequence zr_task_escalation_seq start with 1 increment by 50;
create sequence zr_task_urge_seq start with 1 increment by 50;
create sequence zr_delegation_seq start with 1 increment by 50;

-- One row per watched user task: the responsibility signal (overdue, escalated) for assessment and reports.
create table zr_task_deadline (
    id              ${bigint}     not null,
    task_id         varchar(64)   not null,
    process_key     varchar(255)  not null,
    task_key        varchar(255)  not null,
    task_name       varchar(255),
    owner_username  varchar(64),
    owner_unit      varchar(32),
    delegated_from  varchar(64),
    due_at          timestamp,
    remind_at       timestamp,
    created_at      timestamp     not null,
    closed_at       timestamp,
    close_reason    varchar(16),
    overdue         char(1)       not null,
    max_level       integer       not null,
    version_no      integer       not null,
    constraint zr_task_deadline_pk primary key (id),
    constraint zr_task_dl_task_uk unique (task_id)
);
create index zr_task_dl_owner_ix on zr_task_deadline (owner_username);
create index zr_task_dl_unit_ix on zr_task_deadline (owner_unit);

-- Every step up the supervisor chain: who, when, level, why, and what the supervisor did.
create table zr_task_escalation (
    id              ${bigint}     not null,
    task_id         varchar(64)   not null,
    escalation_level integer      not null,
    supervisor      varchar(64)   not null,
    owner_username  varchar(64),
    owner_unit      varchar(32),
    reason          varchar(500)  not null,
    escalated_at    timestamp     not null,
    action_taken    varchar(16),
    action_note     varchar(1000),
    action_at       timestamp,
    constraint zr_task_escalation_pk primary key (id)
);
create index zr_task_esc_task_ix on zr_task_escalation (task_id);
create index zr_task_esc_sup_ix on zr_task_escalation (supervisor);

create table zr_task_urge (
    id              ${bigint}     not null,
    task_id         varchar(64)   not null,
    urged_by        varchar(64)   not null,
    urged_at        timestamp     not null,
    message         varchar(1000),
    constraint zr_task_urge_pk primary key (id)
);
create index zr_task_urge_task_ix on zr_task_urge (task_id, urged_by);

create table zr_delegation (
    id              ${bigint}     not null,
    owner_username  varchar(64)   not null,
    substitute      varchar(64)   not null,
    starts_on       date          not null,
    ends_on         date          not null,
    reason          varchar(500),
    created_by      varchar(64)   not null,
    created_at      timestamp     not null,
    ended_at        timestamp,
    version_no      integer       not null,
    constraint zr_delegation_pk primary key (id)
);
create index zr_delegation_owner_ix on zr_delegation (owner_username);

-- Group work an out-of-office substitute covers: a task offered only to people who are away gets each absent
-- person's substitute as a candidate user for the period. One row per delegation and task, so that exactly the
-- links Zeren added are taken away when the delegation ends, is ended early or runs out.
create table zr_delegation_cover (
    delegation_id   ${bigint}     not null,
    task_id         varchar(64)   not null,
    substitute      varchar(64)   not null,
    owner_username  varchar(64)   not null,
    created_at      timestamp     not null,
    constraint zr_delegation_cover_pk primary key (delegation_id, task_id)
);
create index zr_delegation_cover_task_ix on zr_delegation_cover (task_id);

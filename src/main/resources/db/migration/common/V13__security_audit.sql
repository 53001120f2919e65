-- The security audit trail (安全审计日志): every refused or suspicious attempt at any door (engine REST, the
-- webapps' engine API, our API, logins) and every administrative act, with the authenticated actor. Append-only:
-- the application inserts and reads, never updates or deletes. Read by the audit administrator only.
create sequence zr_sec_audit_seq start with 1 increment by 50;

create table zr_sec_audit (
    id              ${bigint}     not null,
    at              timestamp     not null,
    actor           varchar(64)   not null,
    action          varchar(40)   not null,
    outcome         varchar(16)   not null,
    source          varchar(64),
    target          varchar(500),
    detail          varchar(2000),
    constraint zr_sec_audit_pk primary key (id)
);
create index zr_sec_audit_at_ix on zr_sec_audit (at);
create index zr_sec_audit_actor_ix on zr_sec_audit (actor, at);

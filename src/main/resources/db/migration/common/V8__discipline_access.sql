-- Discipline (执纪问责), access and audit: who took part in which lead (for access checks), and the
-- append-only audit trail of every read and change. Leads and cases themselves are in V9 and V10.

create sequence zr_dis_participant_seq start with 1 increment by 50;
create sequence zr_dis_audit_seq start with 1 increment by 50;

create table zr_dis_participant (
    id              ${bigint}     not null,
    lead_id         ${bigint}     not null,
    username        varchar(64)   not null,
    duty            varchar(16)   not null,
    since           timestamp     not null,
    constraint zr_dis_participant_pk primary key (id),
    constraint zr_dis_part_uq unique (lead_id, username, duty)
);
create index zr_dis_part_user_ix on zr_dis_participant (username);

create table zr_dis_audit (
    id              ${bigint}     not null,
    at              timestamp     not null,
    actor           varchar(64)   not null,
    action          varchar(40)   not null,
    lead_id         ${bigint},
    ref             varchar(64),
    detail          varchar(2000),
    constraint zr_dis_audit_pk primary key (id)
);
create index zr_dis_audit_lead_ix on zr_dis_audit (lead_id, at);
create index zr_dis_audit_actor_ix on zr_dis_audit (actor, at);

-- Running numbers per series (lead, case, ...) and year, for the configurable number patterns.
create table zr_dis_counter (
    series          varchar(16)   not null,
    cycle_year      integer       not null,
    last_value      integer       not null,
    constraint zr_dis_counter_pk primary key (series, cycle_year)
);

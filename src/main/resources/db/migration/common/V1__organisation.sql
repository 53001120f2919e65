-- Organisation: units, staff, functional roles and the audit of roster imports.
-- Portable across H2, PostgreSQL and Oracle; ${bigint} is set per vendor in application-*.yaml.

create sequence zr_unit_seq start with 1 increment by 50;
create sequence zr_staff_seq start with 1 increment by 50;
create sequence zr_org_role_seq start with 1 increment by 50;
create sequence zr_import_run_seq start with 1 increment by 50;

create table zr_unit (
    id          ${bigint}     not null,
    code        varchar(32)   not null,
    name        varchar(200)  not null,
    name_en     varchar(200),
    kind        varchar(16)   not null,
    parent_id   ${bigint},
    head_id     ${bigint},
    sort_no     integer       not null,
    active      char(1)       not null,
    version_no  integer       not null,
    created_at  timestamp     not null,
    updated_at  timestamp     not null,
    constraint zr_unit_pk primary key (id),
    constraint zr_unit_code_uk unique (code),
    constraint zr_unit_parent_fk foreign key (parent_id) references zr_unit (id),
    constraint zr_unit_active_ck check (active in ('Y', 'N'))
);
create index zr_unit_parent_ix on zr_unit (parent_id);

create table zr_staff (
    id            ${bigint}     not null,
    username      varchar(64)   not null,
    full_name     varchar(100)  not null,
    unit_id       ${bigint}     not null,
    post          varchar(100),
    category      varchar(32)   not null,
    party_member  char(1)       not null,
    email         varchar(254)  not null,
    deputy        char(1)       not null,
    active        char(1)       not null,
    version_no    integer       not null,
    created_at    timestamp     not null,
    updated_at    timestamp     not null,
    constraint zr_staff_pk primary key (id),
    constraint zr_staff_username_uk unique (username),
    constraint zr_staff_unit_fk foreign key (unit_id) references zr_unit (id),
    constraint zr_staff_active_ck check (active in ('Y', 'N'))
);
create index zr_staff_unit_ix on zr_staff (unit_id);

alter table zr_unit add constraint zr_unit_head_fk foreign key (head_id) references zr_staff (id);

create table zr_org_role (
    id             ${bigint}     not null,
    code           varchar(32)   not null,
    name           varchar(100)  not null,
    owner_unit_id  ${bigint}     not null,
    with_subunits  char(1)       not null,
    version_no     integer       not null,
    updated_at     timestamp     not null,
    constraint zr_org_role_pk primary key (id),
    constraint zr_org_role_code_uk unique (code),
    constraint zr_org_role_owner_fk foreign key (owner_unit_id) references zr_unit (id)
);

create table zr_import_run (
    id              ${bigint}     not null,
    file_names      varchar(1000) not null,
    imported_by     varchar(64)   not null,
    imported_at     timestamp     not null,
    dry_run         char(1)       not null,
    applied         char(1)       not null,
    created_count   integer       not null,
    updated_count   integer       not null,
    unchanged_count integer       not null,
    rejected_count  integer       not null,
    rejected_summary varchar(4000),
    constraint zr_import_run_pk primary key (id)
);

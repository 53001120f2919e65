-- Files recorded as evidence (平时记实) are kept in the database, so that every node of a cluster serves them and a
-- backup of the database is a backup of the evidence. ${blob} is BLOB on H2 and Oracle, BYTEA on PostgreSQL
-- (spring.flyway.placeholders in application*.yaml). The rows of one evidence record are written in its transaction.
create table zr_evidence_file (
    id               ${bigint}     not null,
    evidence_id      ${bigint}     not null,
    file_name        varchar(255)  not null,
    content_type     varchar(100)  not null,
    size_bytes       ${bigint}     not null,
    sha256           varchar(64)   not null,
    content          ${blob},
    uploaded_by      varchar(64)   not null,
    uploaded_at      timestamp     not null,
    constraint zr_evidence_file_pk primary key (id),
    constraint zr_evidence_file_ev_fk foreign key (evidence_id) references zr_resp_evidence (id)
);
create index zr_evidence_file_ev_ix on zr_evidence_file (evidence_id);

-- Notification: the mail outbox, the model each mail is rendered from, and per-user mail preferences.
-- Portable across H2, PostgreSQL and Oracle; ${bigint} is set per vendor in application-*.yaml.
--
-- A mail is rendered when it is sent, from its template name and a JSON model. The model is stored in
-- ordered parts of at most 1000 characters in varchar(4000) columns: 1000 characters are at most 3000
-- bytes in UTF-8, so a part fits Oracle's 4000-byte VARCHAR2 whatever NLS_LENGTH_SEMANTICS says, and no
-- vendor's LOB type (clob / oid / text) is needed.

create sequence zr_mail_outbox_seq start with 1 increment by 50;
create sequence zr_mail_pref_seq start with 1 increment by 50;

create table zr_mail_outbox (
    id               ${bigint}     not null,
    dedup_key        varchar(200)  not null,
    template         varchar(64)   not null,
    recipient        varchar(64)   not null,
    address          varchar(254)  not null,
    locale           varchar(16)   not null,
    subject          varchar(400)  not null,
    status           varchar(16)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp     not null,
    last_error       varchar(1000),
    created_at       timestamp     not null,
    sent_at          timestamp,
    locked_by        varchar(100),
    locked_until     timestamp,
    constraint zr_mail_outbox_pk primary key (id),
    constraint zr_mail_dedup_uk unique (dedup_key),
    constraint zr_mail_outbox_status_ck
        check (status in ('PENDING', 'HELD', 'SENDING', 'SENT', 'FAILED', 'DIGESTED'))
);
create index zr_mail_outbox_due_ix on zr_mail_outbox (status, next_attempt_at);
create index zr_mail_outbox_rcpt_ix on zr_mail_outbox (recipient, status);

create table zr_mail_part (
    outbox_id  ${bigint}     not null,
    part_no    integer       not null,
    chunk      varchar(4000) not null,
    constraint zr_mail_part_pk primary key (outbox_id, part_no),
    constraint zr_mail_part_fk foreign key (outbox_id) references zr_mail_outbox (id)
);

create table zr_mail_pref (
    id          ${bigint}    not null,
    username    varchar(64)  not null,
    digest      char(1)      not null,
    updated_at  timestamp    not null,
    constraint zr_mail_pref_pk primary key (id),
    constraint zr_mail_pref_user_uk unique (username),
    constraint zr_mail_pref_digest_ck check (digest in ('Y', 'N'))
);

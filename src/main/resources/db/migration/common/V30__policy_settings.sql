-- Policy numbers administrators own (quota share, windows, sanction periods, thresholds): values saved on the policy
-- page override the YAML defaults on every node without a restart (io.zeren.settings). One row per overridden key;
-- no row: the YAML value applies.
create table zr_policy_setting (
    setting_key     varchar(200)  not null,
    setting_value   varchar(200)  not null,
    updated_by      varchar(64)   not null,
    updated_at      timestamp     not null,
    constraint zr_policy_setting_pk primary key (setting_key)
);

-- Every change (set or reset), with the administrator who made it: the page shows the history.
create sequence zr_policy_change_seq start with 1 increment by 50;

create table zr_policy_change (
    id              ${bigint}     not null,
    setting_key     varchar(200)  not null,
    old_value       varchar(200),
    new_value       varchar(200),
    changed_by      varchar(64)   not null,
    changed_at      timestamp     not null,
    constraint zr_policy_change_pk primary key (id)
);
create index zr_policy_change_at_ix on zr_policy_change (changed_at);

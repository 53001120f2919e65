-- Which lead (case, sanction, accountability matter) each discipline process instance belongs to, written only
-- by Zeren when it starts the instance (and, for a called DisciplineSubjectProcess, when its task is created):
-- access, recusal and audit take these facts from here, never from process variables a user can write.
create table zr_dis_instance (
    process_instance_id varchar(64)   not null,
    root_instance_id    varchar(64)   not null,
    process_key         varchar(64)   not null,
    lead_id             ${bigint},
    case_id             ${bigint},
    sanction_id         ${bigint},
    matter_id           ${bigint},
    principal           varchar(64),
    addressee           varchar(64),
    created_at          timestamp     not null,
    constraint zr_dis_instance_pk primary key (process_instance_id)
);
create index zr_dis_instance_lead_ix on zr_dis_instance (lead_id);
create index zr_dis_instance_sanction_ix on zr_dis_instance (sanction_id);

-- A participation now names its basis: the open task that offered or gave it ('-' = standing: the person
-- registered the lead, was named handler by a decision, or completed a task of the lead). A task-based
-- participation ends when the task is taken away from the person before they worked it.
alter table zr_dis_participant drop constraint zr_dis_part_uq;
alter table zr_dis_participant add basis varchar(64) default '-' not null;
alter table zr_dis_participant add constraint zr_dis_part_uq unique (lead_id, username, duty, basis);
create index zr_dis_part_basis_ix on zr_dis_participant (basis);

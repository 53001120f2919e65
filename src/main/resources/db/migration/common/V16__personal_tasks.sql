-- The owner of each open personal task (signing, self-summary, statement, acknowledgement ...), as the system
-- saw it when the task was created: such a task may be urged or extended but never handed to anyone else.
create table zr_personal_task (
    task_id         varchar(64)   not null,
    owner_username  varchar(64)   not null,
    created_at      timestamp     not null,
    constraint zr_personal_task_pk primary key (task_id)
);

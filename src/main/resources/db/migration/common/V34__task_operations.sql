-- Approval operations (退回, 转办, 委派, 加签, 抄送, 撤回, 催办; docs/approval-operations.md).
-- Which operation applies to which step is data: one row per process and user task ('*' = every user task of the
-- process without a row of its own); no row: no operation. Personal and confidential tasks keep their hard rules
-- whatever a row says (personal: 催办 only; confidential: never 抄送, people inside the module only).
create table zr_task_op_policy (
    process_key     varchar(100)  not null,
    task_key        varchar(100)  not null,
    operations      varchar(200)  not null,
    return_to       varchar(500),
    constraint zr_task_op_policy_pk primary key (process_key, task_key)
);

insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualCycleProcess', 'Task_DraftCatalogue', 'transfer,delegate,add-signer,cc,withdraw,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualCycleProcess', 'Task_ApproveCatalogue', 'return,transfer,delegate,add-signer,cc,urge', 'Task_DraftCatalogue');
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('UnitListProcess', 'Task_ConfirmUnitList', 'transfer,delegate,add-signer,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('PersonalResponsibilityProcess', 'Task_ReviewPersonalList', 'urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('PersonalResponsibilityProcess', 'Task_AnswerObjection', 'transfer,delegate,add-signer,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('PersonalResponsibilityProcess', 'Task_QuarterlyCheck', 'transfer,delegate,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualAssessmentProcess', 'Task_SubmitSelfSummary', 'urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualAssessmentProcess', 'Task_EvaluatePeer', 'urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualAssessmentProcess', 'Task_ProposeGrade', 'return,transfer,delegate,add-signer,cc,urge', 'Task_SubmitSelfSummary');
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualAssessmentProcess', 'Task_AcknowledgeNotice', 'urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualAssessmentProcess', 'Task_DecideReview', 'transfer,delegate,add-signer,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AnnualAssessmentProcess', 'Task_DecideAppeal', 'transfer,delegate,add-signer,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AssessmentCommitteeProcess', 'Task_ReviewUnit', 'transfer,delegate,add-signer,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AssessmentCommitteeProcess', 'Task_DecideUnit', 'return,transfer,delegate,add-signer,cc,urge', 'Task_ReviewUnit');
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AssessmentCommitteeProcess', 'Task_ResolveObjection', 'transfer,delegate,add-signer,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('MidYearInspectionProcess', 'Task_RecordFinding', 'transfer,delegate,cc,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('ProgressSelfReportProcess', 'Task_SubmitProgressReport', 'withdraw,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('ProgressSelfReportProcess', 'Task_ReviewProgressReport', 'return,cc,urge', 'Task_SubmitProgressReport');
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('RectificationProcess', 'Task_SubmitRectificationPlan', 'transfer,delegate,cc,withdraw,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('RectificationProcess', 'Task_SubmitRectificationEvidence', 'transfer,delegate,cc,withdraw,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('RectificationProcess', 'Task_VerifyRectification', 'return,transfer,delegate,add-signer,cc,urge', 'Task_SubmitRectificationPlan,Task_SubmitRectificationEvidence');
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AssignedWorkProcess', 'Task_DoAssignedWork', 'transfer,delegate,add-signer,cc,withdraw,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AssignedWorkProcess', 'Task_ConfirmAssignedWork', 'return,cc,urge', 'Task_DoAssignedWork');
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('DisciplineCaseProcess', '*', 'transfer,delegate,add-signer,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('LeadDisposalProcess', '*', 'transfer,delegate,add-signer,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('AccountabilityProcess', '*', 'transfer,delegate,add-signer,urge', null);
insert into zr_task_op_policy (process_key, task_key, operations, return_to) values ('DisciplineSubjectProcess', '*', 'urge', null);

-- Every operation done, the task's typed history (read by TaskOperations#history). 抄送 rows name the person
-- copied: they are that person's 抄送我的 list.
create table zr_task_op (
    id                   varchar(36)   not null,
    process_instance_id  varchar(64)   not null,
    task_id              varchar(64),
    task_name            varchar(300),
    op_type              varchar(20)   not null,
    actor                varchar(64)   not null,
    target_user          varchar(64),
    target_step          varchar(100),
    op_comment           varchar(1000),
    done_at              timestamp     not null,
    constraint zr_task_op_pk primary key (id)
);
create index zr_task_op_instance_ix on zr_task_op (process_instance_id);
create index zr_task_op_target_ix on zr_task_op (target_user, op_type);
create index zr_task_op_task_ix on zr_task_op (task_id);

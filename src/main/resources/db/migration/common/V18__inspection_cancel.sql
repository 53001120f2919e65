-- An inspection opened by mistake can be cancelled before any finding is recorded: who cancelled it and why
-- (the time is closed_at; the status CANCELLED).
alter table zr_inspection add cancelled_by varchar(64);
alter table zr_inspection add cancel_reason varchar(1000);

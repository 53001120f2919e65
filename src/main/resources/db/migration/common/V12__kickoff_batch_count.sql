-- The kick-off's batches run as processes of their own (KickOffBatchProcess); the batch that reports last,
-- counted here under the row's lock, lets the cycle go on.
alter table zr_kickoff add batches_planned integer default 0 not null;
alter table zr_kickoff add batches_reported integer default 0 not null;

-- Why a suite is due (docs/staging.md): 'schedule' (its cron), or 'deployment' when a deployment
-- recorded to the suite's environment made it due now. The run the due time starts is recorded
-- with that trigger; taking the due time puts the row back on 'schedule'.
alter table staging_schedule add column due_reason varchar(40) not null default 'schedule';

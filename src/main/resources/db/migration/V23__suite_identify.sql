-- A suite's identify rule (docs/staging.md, "Coverage"): which calls in its environment's access
-- logs are the suite's own, so its runs' time windows feed coverage. Empty: none.
alter table staging_suite add column identify varchar(2000) not null default '';

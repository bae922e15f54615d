-- Replay feeds coverage and runs on serve's schedule (docs/staging.md, Replay; decision 0025).

-- Per replay run: the operations whose sampled calls the candidate answered (any status), with
-- how many. Coverage counts them as exercised in the candidate environment.
create table replay_operation (
    run_id    bigint        not null references replay_run (id) on delete cascade,
    service   varchar(200)  not null,
    operation varchar(1000) not null,
    calls     bigint        not null,
    primary key (run_id, service, operation)
);
create index replay_run_candidate on replay_run (candidate, started);

-- The replay schedule inside serve: when each open plan's replay is next due. An instance takes
-- a due occurrence by moving next_due forward with "update ... where next_due = (what it read)",
-- as the suites' schedule does (decision 0012): one instance wins.
create table replay_schedule (
    plan_id  bigint       not null primary key references plan (id) on delete cascade,
    next_due bigint       not null,
    taken_by varchar(200) not null,
    taken_at bigint       not null
);

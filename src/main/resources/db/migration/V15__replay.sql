-- Replay of production's real calls against staging (issue 15, item 4).

-- Per service, environment, caller and operation: a bounded reservoir sample of the request
-- targets (path and query, dropped query parameters removed) that traffic ingest saw, one row
-- per kept target. "seen" is how many calls the reservoir stands for (the same on each of its
-- rows), "last_seen" the newest sampled call: retention (breakwater prune) goes by it.
create table traffic_sample (
    service     varchar(200)  not null,
    environment varchar(100)  not null,
    caller      varchar(300)  not null,
    known       boolean       not null,
    operation   varchar(1000) not null,
    slot        integer       not null,
    target      varchar(4000) not null,
    seen        bigint        not null,
    last_seen   bigint        not null,
    primary key (service, environment, caller, operation, slot)
);
create index traffic_sample_last_seen on traffic_sample (last_seen);

-- Where an environment's services answer ({service} stands for the service's name) and the
-- environments that run what production runs beside it (replay's baselines, one per line).
alter table environment add column base_url varchar(2000) not null default '';
alter table environment add column baselines varchar(1000) not null default '';

-- A replay of a plan's sampled production calls: where they went (candidate and baselines, with
-- the versions the candidate ran), when, and what came of it.
create table replay_run (
    id          ${identity},
    plan_id     bigint        not null references plan (id) on delete cascade,
    started     bigint        not null,
    finished    bigint        not null,
    candidate   varchar(100)  not null,
    baselines   varchar(300)  not null,
    versions    varchar(2000) not null,
    calls       bigint        not null,
    differing   bigint        not null,
    unanswered  bigint        not null,
    capped      boolean       not null,
    skipped     text          not null
);
create index replay_run_plan on replay_run (plan_id, started);

-- Each way an operation answered differently in a run, with the callers whose calls showed it
-- ("name<TAB>known<TAB>calls" per line).
create table replay_difference (
    run_id    bigint        not null references replay_run (id) on delete cascade,
    position  integer       not null,
    diff_key  varchar(20)   not null,
    service   varchar(200)  not null,
    operation varchar(1000) not null,
    kind      varchar(40)   not null,
    path      varchar(2000) not null,
    was       varchar(400)  not null,
    now_is    varchar(400)  not null,
    calls     bigint        not null,
    callers   text          not null,
    example   varchar(4000) not null,
    noise     boolean       not null,
    primary key (run_id, position)
);

-- A difference a person explained (the same key in later runs stays acknowledged).
create table replay_ack (
    plan_id  bigint        not null references plan (id) on delete cascade,
    diff_key varchar(20)   not null,
    by_whom  varchar(200)  not null,
    at       bigint        not null,
    note     varchar(2000) not null,
    primary key (plan_id, diff_key)
);

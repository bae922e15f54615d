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

-- Traffic rows keyed by numbers (issue 19, decision 0030). A realistic log has hundreds of thousands
-- of caller x operation pairs and nearly a million status rows; each row repeated the service,
-- environment, caller and operation names (unknown callers' names are 60-100 characters), twice with
-- the key's index: a 300 MB log made a 390 MB store, and writing it was half of the ingest's time.
-- Every name is now kept once in traffic_name, and the rows refer to it by number.
create table traffic_name (
    id   ${identity},
    name varchar(1000) not null unique
);

insert into traffic_name (name)
    select service from traffic_usage union select environment from traffic_usage
    union select caller from traffic_usage union select operation from traffic_usage
    union select service from traffic_status union select environment from traffic_status
    union select caller from traffic_status union select operation from traffic_status
    union select service from traffic_sample union select environment from traffic_sample
    union select caller from traffic_sample union select operation from traffic_sample;

-- Calls seen in access logs per service, environment, caller and operation (traffic_name ids).
create table traffic_calls (
    service_id     bigint  not null,
    environment_id bigint  not null,
    caller_id      bigint  not null,
    operation_id   bigint  not null,
    known          boolean not null,
    calls          bigint  not null,
    first_seen     bigint  not null,
    last_seen      bigint  not null,
    primary key (service_id, environment_id, caller_id, operation_id)
)${clustered};

insert into traffic_calls (service_id, environment_id, caller_id, operation_id, known, calls, first_seen, last_seen)
    select s.id, e.id, c.id, o.id, u.known, u.calls, u.first_seen, u.last_seen
    from traffic_usage u
    join traffic_name s on s.name = u.service join traffic_name e on e.name = u.environment
    join traffic_name c on c.name = u.caller join traffic_name o on o.name = u.operation;

-- Calls by response status class in time buckets (bucket: its start, epoch milliseconds), kept for
-- a bounded window. The key starts with the bucket: the detector and the board read a service's
-- environment by time, and the window is forgotten from its old end.
create table traffic_status_calls (
    service_id     bigint  not null,
    environment_id bigint  not null,
    bucket         bigint  not null,
    caller_id      bigint  not null,
    operation_id   bigint  not null,
    known          boolean not null,
    ok             bigint  not null,
    redirects      bigint  not null,
    client_errors  bigint  not null,
    server_errors  bigint  not null,
    primary key (service_id, environment_id, bucket, caller_id, operation_id)
)${clustered};

insert into traffic_status_calls (service_id, environment_id, bucket, caller_id, operation_id, known, ok, redirects,
                                  client_errors, server_errors)
    select s.id, e.id, t.bucket, c.id, o.id, t.known, t.ok, t.redirects, t.client_errors, t.server_errors
    from traffic_status t
    join traffic_name s on s.name = t.service join traffic_name e on e.name = t.environment
    join traffic_name c on c.name = t.caller join traffic_name o on o.name = t.operation;

-- Request targets kept per caller and operation for replay: one row per reservoir, its targets
-- joined by line feeds (a request target has none), in the order of their slots.
create table traffic_targets (
    service_id     bigint  not null,
    environment_id bigint  not null,
    caller_id      bigint  not null,
    operation_id   bigint  not null,
    known          boolean not null,
    targets        text    not null,
    seen           bigint  not null,
    last_seen      bigint  not null,
    primary key (service_id, environment_id, caller_id, operation_id)
)${clustered};

insert into traffic_targets (service_id, environment_id, caller_id, operation_id, known, targets, seen, last_seen)
    select s.id, e.id, c.id, o.id, t.known, string_agg(t.target, '
' order by t.slot), max(t.seen), max(t.last_seen)
    from traffic_sample t
    join traffic_name s on s.name = t.service join traffic_name e on e.name = t.environment
    join traffic_name c on c.name = t.caller join traffic_name o on o.name = t.operation
    group by s.id, e.id, c.id, o.id, t.known;
create index traffic_targets_last_seen on traffic_targets (last_seen);

drop table traffic_usage;
drop table traffic_status;
drop table traffic_sample;

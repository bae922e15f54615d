-- Calls seen in access logs, counted per service, environment, caller (a consumer of the
-- catalog, or an unknown one described) and operation (its key, or "? METHOD /path").
create table traffic_usage (
    service     varchar(200) not null,
    environment varchar(100) not null,
    caller      varchar(300) not null,
    known       boolean      not null,
    operation   varchar(500) not null,
    calls       bigint       not null,
    first_seen  bigint       not null,
    last_seen   bigint       not null,
    primary key (service, environment, caller, operation)
);

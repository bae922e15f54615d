-- Calls by response status class per service, environment, caller and operation in one-minute
-- buckets (bucket: its start, epoch milliseconds), kept for a bounded window (48 hours behind
-- the newest bucket of the service's environment): what the breakage detector compares before
-- and after a cut-over. Written in the same transaction as the counts and cursors of the lines.
create table traffic_status (
    service       varchar(200) not null,
    environment   varchar(100) not null,
    caller        varchar(300) not null,
    known         boolean      not null,
    operation     varchar(500) not null,
    bucket        bigint       not null,
    ok            bigint       not null,
    redirects     bigint       not null,
    client_errors bigint       not null,
    server_errors bigint       not null,
    primary key (service, environment, caller, operation, bucket)
);
create index traffic_status_by_time on traffic_status (service, environment, bucket);

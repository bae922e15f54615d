-- The machines of each environment (addresses and blocks, one per line), so that calls from one
-- environment's hosts into another environment's services can be flagged.
alter table environment add column hosts text not null default '';

-- Calls that crossed environments: a caller on a host of environment "origin" calling a
-- service's "environment" (a production script still pointing at staging, and the reverse),
-- counted per calling address.
create table traffic_crossing (
    service     varchar(200) not null,
    environment varchar(100) not null,
    origin      varchar(100) not null,
    address     varchar(100) not null,
    caller      varchar(300) not null,
    known       boolean      not null,
    calls       bigint       not null,
    first_seen  bigint       not null,
    last_seen   bigint       not null,
    primary key (service, environment, origin, address, caller)
);

-- How far `traffic ingest --follow` has read each log file, by the file's identity (its inode,
-- so a renamed log keeps its place), stored in the same transaction as the counts it added.
create table traffic_cursor (
    service     varchar(200)  not null,
    environment varchar(100)  not null,
    file_key    varchar(300)  not null,
    path        varchar(2000) not null,
    position    bigint        not null,
    updated     bigint        not null,
    primary key (service, environment, file_key)
);

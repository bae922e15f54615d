-- How far plain `traffic ingest` runs read each log of a service's environment, so that the same
-- bytes are not counted twice. A log is known by its content: the SHA-256 of its first
-- head_length bytes (up to 4096, as many as it had when first read), so a renamed or copied log
-- is recognised too; position is how many bytes of it were read. Stored in the same transaction
-- as the counts those bytes added.
create table traffic_read (
    service     varchar(200)  not null,
    environment varchar(100)  not null,
    head_hash   varchar(64)   not null,
    head_length integer       not null,
    path        varchar(2000) not null,
    position    bigint        not null,
    updated     bigint        not null,
    primary key (service, environment, head_hash, head_length)
);

-- The service catalog, releases with their API descriptions, and deployment records.
-- Portable SQL for SQLite and PostgreSQL; ${identity} is the one spelling that differs.
-- Times are milliseconds since the epoch (UTC), booleans are booleans.

create table environment (
    name        varchar(100) primary key,
    description text         not null,
    production  boolean      not null,
    position    integer      not null
);

create table team (
    name           varchar(100) primary key,
    title          text         not null,
    infrastructure boolean      not null,
    mailing_list   text,
    chat           text
);

create table person (
    username varchar(100) primary key,
    name     text         not null,
    email    text         not null,
    timezone varchar(64)  not null
);

create table team_member (
    team     varchar(100) not null references team (name) on delete cascade,
    username varchar(100) not null references person (username) on delete cascade,
    position integer      not null,
    primary key (team, username)
);
create index team_member_by_person on team_member (username);

-- API descriptions, addressed by the SHA-256 of their files; stored once however many
-- releases share one.
create table api_description (
    hash      varchar(80) primary key,
    main_file text        not null,
    size      bigint      not null,
    stored_at bigint      not null
);

create table api_file (
    hash    varchar(80) not null references api_description (hash) on delete cascade,
    path    text        not null,
    content text        not null,
    primary key (hash, path)
);

-- Services are retired, never deleted, so their history stays.
create table service (
    name             varchar(100) primary key,
    title            text         not null,
    owner_team       varchar(100) not null,
    tier             varchar(20)  not null,
    freeze_sensitive boolean      not null,
    repository       text,
    docs             text,
    system_name      varchar(100),
    declared_api     varchar(80) references api_description (hash),
    retired          boolean      not null
);
create index service_by_owner on service (owner_team);

create table service_announce (
    service  varchar(100) not null references service (name) on delete cascade,
    position integer      not null,
    address  text         not null,
    primary key (service, position)
);

create table consumer (
    name        varchar(100) primary key,
    kind        varchar(20)  not null,
    service     varchar(100),
    owner_team  varchar(100) not null,
    contact     text,
    description text
);
create index consumer_by_service on consumer (service);

-- One row per operation a consumer uses of a provider, or one whole_api row.
-- operation_id and operation_key hold both forms once resolved against the provider's API.
create table consumer_use (
    consumer      varchar(100) not null references consumer (name) on delete cascade,
    provider      varchar(100) not null,
    use_position  integer      not null,
    position      integer      not null,
    whole_api     boolean      not null,
    operation     text,
    operation_id  text,
    operation_key text,
    primary key (consumer, provider, position)
);
create index consumer_use_by_provider on consumer_use (provider, whole_api);
create index consumer_use_by_operation_id on consumer_use (provider, operation_id);
create index consumer_use_by_operation_key on consumer_use (provider, operation_key);

create table service_release (
    service     varchar(100) not null references service (name),
    version     varchar(100) not null,
    api_hash    varchar(80) references api_description (hash),
    recorded_at bigint       not null,
    primary key (service, version)
);

create table deployment (
    id          ${identity},
    service     varchar(100) not null,
    version     varchar(100) not null,
    environment varchar(100) not null,
    deployed_at bigint       not null,
    deployed_by varchar(100) not null,
    notes       text,
    recorded_at bigint       not null,
    foreign key (service, version) references service_release (service, version)
);
-- "what runs where": the newest row per service and environment
create index deployment_by_place on deployment (service, environment, deployed_at);
-- retention: rows older than a date
create index deployment_by_time on deployment (deployed_at);

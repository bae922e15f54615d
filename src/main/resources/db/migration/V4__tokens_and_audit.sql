-- API tokens for pipelines and people (stored as SHA-256 of the token, shown once), and the
-- audit log of every change made through the server.
create table api_token (
    id         ${identity},
    name       varchar(100) not null,
    username   varchar(100) not null,
    role       varchar(20)  not null,
    team       varchar(100),
    hash       varchar(80)  not null unique,
    created_at bigint       not null,
    revoked_at bigint
);

create table audit_log (
    id      ${identity},
    at      bigint       not null,
    actor   varchar(100) not null,
    action  varchar(50)  not null,
    subject text         not null,
    detail  text
);
create index audit_log_by_subject on audit_log (subject, at);

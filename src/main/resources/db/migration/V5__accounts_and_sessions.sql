-- Local accounts (passwords as PBKDF2 hashes; no hash for accounts that log in through
-- OpenID Connect only) and web sessions (the cookie's secret stored as its SHA-256, with the
-- principal it stood for at login and the session's CSRF token).
create table user_account (
    username      varchar(100) primary key,
    role          varchar(20)  not null,
    team          varchar(100),
    password_hash varchar(200),
    created_at    bigint       not null,
    disabled_at   bigint
);

create table web_session (
    hash       varchar(80)  primary key,
    username   varchar(100) not null,
    role       varchar(20)  not null,
    team       varchar(100),
    csrf       varchar(64)  not null,
    created_at bigint       not null,
    expires_at bigint       not null
);
create index web_session_by_user on web_session (username);
create index web_session_by_expiry on web_session (expires_at);

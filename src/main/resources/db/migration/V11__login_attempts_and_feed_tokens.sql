-- Login throttling kept in the store, so that several servers on one database count together
-- (docs/decisions/0004-login-throttling.md). A counter is one key (an account and an address,
-- an account, or an address): the attempts of its current run and when the last one came. An
-- attempt is counted before its password is checked (a reservation), and a successful login
-- clears its account-and-address counter.
create table login_counter (
    counter_key varchar(320) primary key,
    attempts    integer      not null,
    last_at     bigint       not null
);
create index login_counter_by_last on login_counter (last_at);

-- Addresses an account has logged in from: the per-account and per-address limits spare them,
-- so guessing an account's password from elsewhere cannot lock its owner out.
create table login_address (
    username varchar(100) not null,
    address  varchar(100) not null,
    last_at  bigint       not null,
    primary key (username, address)
);

-- Feed tokens: read-only, for calendar and feed readers when reading needs a login; they open the
-- .ics and Atom feeds and nothing else. Stored as SHA-256, like API tokens.
create table feed_token (
    id         ${identity},
    username   varchar(100) not null,
    hash       varchar(80)  not null unique,
    created_at bigint       not null,
    revoked_at bigint
);

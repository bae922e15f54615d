-- End-to-end suites run against staging (docs/staging.md): what each suite is and how it runs,
-- its secrets (AES-GCM ciphertexts; the key is never stored here), its runs, the test cases each
-- run read from the JUnit XML the suite wrote, and the schedule's next due time per suite.
create table staging_suite (
    name        varchar(200)  not null primary key,
    services    text          not null,
    command     text          not null,
    workdir     varchar(2000) not null,
    env         text          not null,
    results     varchar(2000) not null,
    timeout_s   integer       not null,
    display     varchar(20)   not null,
    environment varchar(100)  not null,
    cron        varchar(200)  not null,
    time_zone   varchar(100)  not null,
    origin      varchar(300)  not null,
    updated     bigint        not null
);

-- One secret of a suite: nonce and ciphertext (with its tag) in base64; the suite and secret
-- names are the additional data, so a ciphertext moved to another slot does not open.
-- key_id: a fingerprint of the key that sealed it (the first bytes of a hash), to say "wrong key".
create table staging_secret (
    suite      varchar(200) not null,
    name       varchar(200) not null,
    nonce      varchar(100) not null,
    sealed     text         not null,
    key_id     varchar(64)  not null,
    updated    bigint       not null,
    primary key (suite, name)
);

create table staging_run (
    id         ${identity},
    suite      varchar(200) not null,
    status     varchar(20)  not null,
    trigger_by varchar(200) not null,
    started    bigint       not null,
    heartbeat  bigint       not null,
    finished   bigint,
    exit_code  integer,
    versions   text         not null,
    message    text         not null,
    output     text         not null,
    tests      integer      not null,
    failures   integer      not null,
    skipped    integer      not null
);
create index staging_run_by_suite on staging_run (suite, started);
create index staging_run_by_status on staging_run (status);

create table staging_case (
    run_id      bigint        not null,
    test_id     varchar(2000) not null,
    status      varchar(10)   not null,
    duration_ms bigint        not null,
    reruns      integer       not null,
    message     text          not null
);
create index staging_case_by_run on staging_case (run_id);
create index staging_case_by_test on staging_case (test_id, run_id);

-- The schedule: when each suite is next due. An instance takes a due occurrence by moving
-- next_due forward with "update ... where next_due = (what it read)": one instance wins.
create table staging_schedule (
    suite    varchar(200) not null primary key,
    next_due bigint       not null,
    taken_by varchar(200) not null,
    taken_at bigint       not null
);

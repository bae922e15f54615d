-- Deployment plans, the evidence and waivers of their gates, and the release calendar.

create table plan (
    id          ${identity},
    title       text         not null,
    environment varchar(100) not null,
    starts_at   bigint       not null,
    duration_s  bigint       not null,
    owner       varchar(100) not null,
    ticket      text,
    status      varchar(20)  not null,
    created_at  bigint       not null
);
create index plan_by_status on plan (status, starts_at);

create table plan_release (
    plan_id  bigint       not null references plan (id) on delete cascade,
    service  varchar(100) not null,
    version  varchar(100) not null,
    api_hash varchar(80) references api_description (hash),
    primary key (plan_id, service)
);
-- can-deploy --service S --version V: the open plans that ship it
create index plan_release_by_release on plan_release (service, version);

create table gate_evidence (
    id        ${identity},
    plan_id   bigint       not null references plan (id) on delete cascade,
    gate      varchar(50)  not null,
    evidence  text         not null,
    by_user   varchar(100) not null,
    at        bigint       not null,
    note      text,
    decision  varchar(20)
);
create index gate_evidence_by_plan on gate_evidence (plan_id, gate);

create table gate_waiver (
    id       ${identity},
    plan_id  bigint       not null references plan (id) on delete cascade,
    gate     varchar(50)  not null,
    reason   text         not null,
    approver varchar(100) not null,
    at       bigint       not null
);
create index gate_waiver_by_plan on gate_waiver (plan_id);

-- The release calendar: concrete windows and recurring ones (cron with a time zone).
create table calendar_window (
    id       ${identity},
    name     text        not null,
    kind     varchar(20) not null,
    starts_at bigint     not null,
    ends_at  bigint      not null,
    source   text
);
create index calendar_window_by_time on calendar_window (kind, starts_at, ends_at);

create table calendar_recurring (
    id         ${identity},
    name       text         not null,
    kind       varchar(20)  not null,
    cron       varchar(100) not null,
    length_s   bigint       not null,
    zone       varchar(64)  not null,
    source     text
);

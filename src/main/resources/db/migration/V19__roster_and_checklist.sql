-- The deployment day (docs/deployment-day.md): who is on a plan's roster and whether they
-- confirmed, the day's checklist as it was ticked, and an optional attachment to an outbox
-- mail (the roster invitation's .ics of the window).
create table roster_member (
    id            ${identity},
    plan_id       bigint       not null,
    username      varchar(100) not null,
    role          varchar(20)  not null,
    team          varchar(100),
    reason        text         not null,
    added_at      bigint       not null,
    invited_at    bigint,
    link_hash     varchar(64),
    link_expires  bigint,
    link_used_at  bigint,
    confirmed_at  bigint,
    confirmed_via varchar(10),
    unique (plan_id, username, role)
);
create index roster_member_by_plan on roster_member (plan_id, id);
create unique index roster_member_link on roster_member (link_hash);

create table checklist_tick (
    plan_id bigint       not null,
    step    varchar(30)  not null,
    by_user varchar(100) not null,
    at      bigint       not null,
    note    text,
    primary key (plan_id, step)
);

alter table outbox add column attachment text;

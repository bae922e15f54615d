-- Reminders the plan's owner approved ahead: Breakwater queues each at its lead time by itself.
create table reminder_approval (
    plan_id     bigint       primary key,
    approved_by varchar(100) not null,
    approved_at bigint       not null
);

-- Which lead times of a plan already have their reminder, so each is queued once.
create table reminder_queued (
    plan_id         bigint not null,
    lead_minutes    bigint not null,
    announcement_id bigint,
    primary key (plan_id, lead_minutes)
);

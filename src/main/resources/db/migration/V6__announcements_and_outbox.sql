-- Announcements of plans (drafts, queued, sent) and the outbox: every mail or bus message is
-- recorded here before it is attempted, with its message id fixed, and marked sent once handed over.
create table announcement (
    id          ${identity},
    plan_id     bigint       not null,
    kind        varchar(30)  not null,
    consumer    varchar(100),
    recipients  text         not null,
    subject     text         not null,
    body        text         not null,
    status      varchar(10)  not null,
    created_by  varchar(100) not null,
    created_at  bigint       not null,
    edited_by   varchar(100),
    sent_by     varchar(100),
    queued_at   bigint,
    sent_at     bigint,
    message_id  varchar(200)
);
create index announcement_by_plan on announcement (plan_id, id);

create table outbox (
    id              ${identity},
    channel         varchar(10)  not null,
    message_id      varchar(200) not null unique,
    announcement_id bigint,
    destination     text         not null,
    subject         text         not null,
    payload         text         not null,
    attempts        integer      not null,
    next_attempt_at bigint       not null,
    state           varchar(10)  not null,
    last_error      text,
    created_at      bigint       not null,
    sent_at         bigint
);
create index outbox_due on outbox (state, next_attempt_at);

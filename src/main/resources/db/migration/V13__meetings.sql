-- The weekly meeting's minutes as ingested (docs/meetings.md). A meeting is known by the SHA-256
-- of its minutes' bytes (content_hash, unique), so the same minutes ingested twice record nothing
-- twice. Each item that named something is kept with the line it came from and what became of it:
-- applied (evidence recorded), pending (ambiguous: waits for a person), confirmed or rejected by
-- that person, unmatched (shown with why), noted (matched, nothing to record). #action lines are
-- follow-ups until someone marks them done. agenda_sent makes the agenda mail go once per occurrence.
create table meeting (
    id            ${identity},
    held_on       varchar(10)   not null,
    started       varchar(8)    not null,
    title         varchar(500)  not null,
    channel       varchar(200),
    owner_nick    varchar(200)  not null,
    chairs        text          not null,
    participants  text          not null,
    source        varchar(2000) not null,
    content_hash  varchar(64)   not null unique,
    format        varchar(20)   not null,
    truncated     integer       not null,
    ingested_by   varchar(100)  not null,
    ingested_at   bigint        not null
);
create index meeting_by_day on meeting (held_on, id);

create table meeting_item (
    id           ${identity},
    meeting_id   bigint        not null,
    line         integer       not null,
    kind         varchar(20)   not null,
    nick         varchar(200)  not null,
    said_at      varchar(8)    not null,
    text         text          not null,
    state        varchar(20)   not null,
    target       varchar(300),
    candidates   text,
    decision     varchar(300),
    outcome      text          not null,
    decided_by   varchar(100),
    decided_at   bigint
);
create index meeting_item_by_meeting on meeting_item (meeting_id, line);
create index meeting_item_by_state on meeting_item (state, id);

create table meeting_follow_up (
    id          ${identity},
    meeting_id  bigint        not null,
    line        integer       not null,
    nick        varchar(200)  not null,
    text        text          not null,
    plan_id     bigint,
    done_by     varchar(100),
    done_at     bigint
);
create index meeting_follow_up_open on meeting_follow_up (done_at, plan_id);

create table meeting_agenda_sent (
    occurrence  varchar(40)   primary key,
    message_id  varchar(200)  not null,
    sent_at     bigint        not null
);

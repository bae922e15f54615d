-- Incidents of the deployment day (issue 16), opened by hand or by the breakage detector. The
-- detector's deduplication key is unique, so however many instances detect the same breakage
-- it is opened once. Times are epoch milliseconds: detected_at is when the breakage was (or,
-- from logs read later, would have been) detected; recorded_at when the row was written.
create table incident (
    id              ${identity},
    dedup_key       varchar(300) unique,
    title           varchar(300) not null,
    severity        varchar(10)  not null,
    status          varchar(15)  not null,
    service         varchar(200) not null,
    consumer        varchar(300),
    operation       varchar(500),
    plan_id         bigint,
    links           text         not null,
    detail          text,
    opened_by       varchar(100) not null,
    detected_at     bigint       not null,
    recorded_at     bigint       not null,
    assignee        varchar(100),
    acknowledged_at bigint,
    acknowledged_by varchar(100),
    resolved_at     bigint,
    resolved_by     varchar(100),
    merged_into     bigint
);
create index incident_by_status on incident (status, id);
create index incident_by_plan on incident (plan_id, id);

-- Every change to an incident, timestamped: opened, acknowledged, assigned, resolved, merged.
create table incident_event (
    id          ${identity},
    incident_id bigint       not null,
    at          bigint       not null,
    by_whom     varchar(100) not null,
    action      varchar(30)  not null,
    detail      text
);
create index incident_event_by_incident on incident_event (incident_id, id);

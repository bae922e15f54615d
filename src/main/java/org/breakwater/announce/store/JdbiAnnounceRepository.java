package org.breakwater.announce.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.announce.Kind;
import org.breakwater.announce.OutboxEntry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Announcements and the outbox in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiAnnounceRepository implements AnnounceRepository {
    private static final String COLUMNS = "id, plan_id, kind, consumer, recipients, subject, body, status, created_by,"
            + " created_at, edited_by, sent_by, queued_at, sent_at, message_id";
    private static final String OUTBOX = "id, channel, message_id, announcement_id, destination, subject, payload,"
            + " attempts, next_attempt_at, state, last_error, created_at, sent_at, attachment";

    private final Jdbi jdbi;

    public JdbiAnnounceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static Announcement announcement(ResultSet rs) throws SQLException {
        return new Announcement(rs.getLong("id"), rs.getLong("plan_id"), Kind.parse(rs.getString("kind")).orElseThrow(),
                Optional.ofNullable(rs.getString("consumer")), Arrays.stream(rs.getString("recipients").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList(), rs.getString("subject"), rs.getString("body"),
                Announcement.Status.parse(rs.getString("status")).orElseThrow(), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Optional.ofNullable(rs.getString("edited_by")),
                Optional.ofNullable(rs.getString("sent_by")), instant(rs, "queued_at"), instant(rs, "sent_at"),
                Optional.ofNullable(rs.getString("message_id")));
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        long announcement = rs.getLong("announcement_id");
        Optional<Long> a = rs.wasNull() ? Optional.empty() : Optional.of(announcement);
        return new OutboxEntry(rs.getLong("id"), OutboxEntry.Channel.valueOf(rs.getString("channel").toUpperCase(
                java.util.Locale.ROOT)), rs.getString("message_id"), a, rs.getString("destination"), rs.getString("subject"),
                rs.getString("payload"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                OutboxEntry.State.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)),
                Optional.ofNullable(rs.getString("last_error")), Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "sent_at"), Optional.ofNullable(rs.getString("attachment")));
    }

    @Override
    public Announcement create(Announcement a) {
        long id = jdbi.withHandle(h -> h.createUpdate("insert into announcement (plan_id, kind, consumer, recipients,"
                        + " subject, body, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, a.planId()).bind(1, a.kind().id()).bind(2, a.consumer().orElse(null))
                .bind(3, String.join(", ", a.to())).bind(4, a.subject()).bind(5, a.body()).bind(6, a.status().id())
                .bind(7, a.createdBy()).bind(8, a.createdAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return announcement(id).orElseThrow();
    }

    @Override
    public Optional<Announcement> announcement(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from announcement where id = ?").bind(0, id)
                .map((rs, ctx) -> announcement(rs)).findOne());
    }

    @Override
    public List<Announcement> announcements(Optional<Long> planId) {
        String sql = "select " + COLUMNS + " from announcement" + (planId.isPresent() ? " where plan_id = :plan" : "")
                + " order by id";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("plan", planId.orElse(0L))
                .map((rs, ctx) -> announcement(rs)).list());
    }

    @Override
    public boolean edit(long id, List<String> to, String subject, String body, String by) {
        return jdbi.withHandle(h -> h.createUpdate("update announcement set recipients = ?, subject = ?, body = ?,"
                        + " edited_by = ? where id = ? and status = 'draft'")
                .bind(0, String.join(", ", to)).bind(1, subject).bind(2, body).bind(3, by).bind(4, id).execute()) == 1;
    }

    @Override
    public boolean queue(long id, String by, Instant at, OutboxEntry mail) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("update announcement set status = 'queued', sent_by = ?, queued_at = ?,"
                            + " message_id = ? where id = ? and status = 'draft'")
                    .bind(0, by).bind(1, at.toEpochMilli()).bind(2, mail.messageId()).bind(3, id).execute();
            if (changed != 1) {
                return false;
            }
            insert(h, mail);
            return true;
        });
    }

    private static void insert(Handle h, OutboxEntry e) {
        h.createUpdate("insert into outbox (channel, message_id, announcement_id, destination, subject, payload, attempts,"
                        + " next_attempt_at, state, created_at, attachment) values (?, ?, ?, ?, ?, ?, 0, ?, 'pending', ?, ?)")
                .bind(0, e.channel().id()).bind(1, e.messageId()).bind(2, e.announcementId().orElse(null))
                .bind(3, e.destination()).bind(4, e.subject()).bind(5, e.payload())
                .bind(6, e.nextAttemptAt().toEpochMilli()).bind(7, e.createdAt().toEpochMilli())
                .bind(8, e.attachment().orElse(null)).execute();
    }

    @Override
    public void enqueue(OutboxEntry entry) {
        jdbi.useHandle(h -> insert(h, entry));
    }

    @Override
    public List<OutboxEntry> due(Instant now, java.util.Set<OutboxEntry.Channel> channels, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select " + OUTBOX + " from outbox where state = 'pending'"
                        + " and next_attempt_at <= :now and channel in (<channels>) order by id limit :limit")
                .bind("now", now.toEpochMilli()).bindList("channels", channels.stream().map(OutboxEntry.Channel::id).toList())
                .bind("limit", limit).map((rs, ctx) -> entry(rs)).list());
    }

    @Override
    public Retries retries(Instant now, java.util.Set<OutboxEntry.Channel> channels) {
        if (channels.isEmpty()) {
            return new Retries(0, Optional.empty());
        }
        return jdbi.withHandle(h -> h.createQuery("select count(*), min(next_attempt_at) from outbox where state ="
                        + " 'pending' and attempts > 0 and next_attempt_at > :now and channel in (<channels>)")
                .bind("now", now.toEpochMilli()).bindList("channels", channels.stream().map(OutboxEntry.Channel::id).toList())
                .map((rs, ctx) -> {
                    int count = rs.getInt(1);
                    long next = rs.getLong(2);
                    return new Retries(count, rs.wasNull() ? Optional.<Instant>empty()
                            : Optional.of(Instant.ofEpochMilli(next)));
                }).one());
    }

    @Override
    public List<Waiting> waiting() {
        return jdbi.withHandle(h -> h.createQuery("select channel, count(*), min(created_at) from outbox where state ="
                        + " 'pending' group by channel order by channel")
                .map((rs, ctx) -> new Waiting(OutboxEntry.Channel.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                        rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)))).list());
    }

    @Override
    public boolean claim(long id, Instant seen, Instant until) {
        return jdbi.withHandle(h -> h.createUpdate("update outbox set next_attempt_at = ? where id = ? and state = 'pending'"
                        + " and next_attempt_at = ?").bind(0, until.toEpochMilli()).bind(1, id).bind(2, seen.toEpochMilli())
                .execute()) == 1;
    }

    @Override
    public void sent(OutboxEntry entry, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update outbox set state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null"
                    + " where id = ?").bind(0, at.toEpochMilli()).bind(1, entry.id()).execute();
            entry.announcementId().ifPresent(a -> h.createUpdate("update announcement set status = 'sent', sent_at = ?"
                    + " where id = ?").bind(0, at.toEpochMilli()).bind(1, a).execute());
        });
    }

    @Override
    public void failed(long id, int attempts, Instant retryAt, String error) {
        jdbi.useHandle(h -> h.createUpdate("update outbox set attempts = ?, next_attempt_at = ?, last_error = ?"
                + " where id = ?").bind(0, attempts).bind(1, retryAt.toEpochMilli()).bind(2, error).bind(3, id).execute());
    }

    @Override
    public List<OutboxEntry> outbox(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + OUTBOX + " from outbox order by id desc limit ?")
                .bind(0, limit).map((rs, ctx) -> entry(rs)).list());
    }

    @Override
    public boolean approveReminders(long planId, String by, Instant at) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("select count(*) from reminder_approval where plan_id = ?").bind(0, planId)
                    .mapTo(Integer.class).one() > 0) {
                return false;
            }
            h.createUpdate("insert into reminder_approval (plan_id, approved_by, approved_at) values (?, ?, ?)")
                    .bind(0, planId).bind(1, by).bind(2, at.toEpochMilli()).execute();
            return true;
        });
    }

    @Override
    public Optional<String> reminderApprover(long planId) {
        return jdbi.withHandle(h -> h.createQuery("select approved_by from reminder_approval where plan_id = ?")
                .bind(0, planId).mapTo(String.class).findOne());
    }

    @Override
    public List<Long> plansWithApprovedReminders() {
        return jdbi.withHandle(h -> h.createQuery("select plan_id from reminder_approval order by plan_id")
                .mapTo(Long.class).list());
    }

    @Override
    public boolean claimReminder(long planId, long leadMinutes) {
        return jdbi.withHandle(h -> h.createUpdate("insert into reminder_queued (plan_id, lead_minutes) select ?, ?"
                        + " where not exists (select 1 from reminder_queued where plan_id = ? and lead_minutes = ?)")
                .bind(0, planId).bind(1, leadMinutes).bind(2, planId).bind(3, leadMinutes).execute()) == 1;
    }

    @Override
    public void reminderWritten(long planId, long leadMinutes, long announcementId) {
        jdbi.useHandle(h -> h.createUpdate("update reminder_queued set announcement_id = ? where plan_id = ?"
                + " and lead_minutes = ?").bind(0, announcementId).bind(1, planId).bind(2, leadMinutes).execute());
    }
}

package org.breakwater.meeting.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.breakwater.meeting.FollowUp;
import org.breakwater.meeting.ItemKind;
import org.breakwater.meeting.ItemState;
import org.breakwater.meeting.Meeting;
import org.breakwater.meeting.MeetingRepository;
import org.breakwater.meeting.MinutesFormat;
import org.breakwater.meeting.StoredItem;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Meetings, their items and follow-ups in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiMeetingRepository implements MeetingRepository {
    private static final String MEETING = "id, held_on, started, title, channel, owner_nick, chairs, participants, source,"
            + " content_hash, format, truncated, ingested_by, ingested_at";
    private static final String ITEM = "id, meeting_id, line, kind, nick, said_at, text, state, target, candidates,"
            + " decision, outcome, decided_by, decided_at";
    /** {@link #ITEM}'s columns of {@code meeting_item i} in a join. */
    private static final String ITEM_OF_I = String.join(", ", java.util.Arrays.stream(ITEM.split(", ")).map(c -> "i." + c)
            .toList());
    private static final String FOLLOW_UP = "id, meeting_id, line, nick, text, plan_id, done_by, done_at";

    private final Jdbi jdbi;

    public JdbiMeetingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static List<String> list(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.stream(s.split(" ")).filter(x -> !x.isEmpty()).toList();
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(rs.getLong("id"), LocalDate.parse(rs.getString("held_on")), LocalTime.parse(rs.getString("started")),
                rs.getString("title"), Optional.ofNullable(rs.getString("channel")), rs.getString("owner_nick"),
                list(rs.getString("chairs")), list(rs.getString("participants")), rs.getString("source"),
                rs.getString("content_hash"), MinutesFormat.valueOf(rs.getString("format")), rs.getInt("truncated") == 1,
                rs.getString("ingested_by"), Instant.ofEpochMilli(rs.getLong("ingested_at")));
    }

    private static StoredItem item(ResultSet rs) throws SQLException {
        return new StoredItem(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("line"),
                ItemKind.valueOf(rs.getString("kind")), rs.getString("nick"), LocalTime.parse(rs.getString("said_at")),
                rs.getString("text"), ItemState.parse(rs.getString("state")).orElse(ItemState.NOTED),
                Optional.ofNullable(rs.getString("target")), list(rs.getString("candidates")),
                Optional.ofNullable(rs.getString("decision")), rs.getString("outcome"),
                Optional.ofNullable(rs.getString("decided_by")), instant(rs, "decided_at"));
    }

    private static FollowUp followUp(ResultSet rs) throws SQLException {
        long plan = rs.getLong("plan_id");
        Optional<Long> planId = rs.wasNull() ? Optional.empty() : Optional.of(plan);
        return new FollowUp(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("line"), rs.getString("nick"),
                rs.getString("text"), planId, Optional.ofNullable(rs.getString("done_by")), instant(rs, "done_at"));
    }

    @Override
    public Optional<Meeting> save(Meeting m, List<StoredItem> items, List<FollowUp> followUps) {
        return jdbi.inTransaction(h -> {
            if (byHash(h, m.contentHash()).isPresent()) {
                return Optional.empty();
            }
            long id = h.createUpdate("insert into meeting (held_on, started, title, channel, owner_nick, chairs,"
                            + " participants, source, content_hash, format, truncated, ingested_by, ingested_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, m.date().toString()).bind(1, m.start().toString()).bind(2, m.title())
                    .bind(3, m.channel().orElse(null)).bind(4, m.owner()).bind(5, String.join(" ", m.chairs()))
                    .bind(6, String.join(" ", m.participants())).bind(7, m.source()).bind(8, m.contentHash())
                    .bind(9, m.format().name()).bind(10, m.truncated() ? 1 : 0).bind(11, m.ingestedBy())
                    .bind(12, m.ingestedAt().toEpochMilli()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (StoredItem i : items) {
                insert(h, id, i);
            }
            for (FollowUp f : followUps) {
                h.createUpdate("insert into meeting_follow_up (meeting_id, line, nick, text, plan_id) values (?, ?, ?, ?, ?)")
                        .bind(0, id).bind(1, f.line()).bind(2, f.nick()).bind(3, f.text())
                        .bind(4, f.planId().orElse(null)).execute();
            }
            return Optional.of(meeting(h, id).orElseThrow());
        });
    }

    private static void insert(Handle h, long meetingId, StoredItem i) {
        h.createUpdate("insert into meeting_item (meeting_id, line, kind, nick, said_at, text, state, target, candidates,"
                        + " decision, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, meetingId).bind(1, i.line()).bind(2, i.kind().name()).bind(3, i.nick())
                .bind(4, i.time().toString()).bind(5, i.text()).bind(6, i.state().id()).bind(7, i.target().orElse(null))
                .bind(8, i.candidates().isEmpty() ? null : String.join(" ", i.candidates()))
                .bind(9, i.decision().orElse(null)).bind(10, i.outcome()).execute();
    }

    private static Optional<Meeting> byHash(Handle h, String hash) {
        return h.createQuery("select " + MEETING + " from meeting where content_hash = ?").bind(0, hash)
                .map((rs, ctx) -> meeting(rs)).findOne();
    }

    private static Optional<Meeting> meeting(Handle h, long id) {
        return h.createQuery("select " + MEETING + " from meeting where id = ?").bind(0, id)
                .map((rs, ctx) -> meeting(rs)).findOne();
    }

    @Override
    public Optional<Meeting> byHash(String contentHash) {
        return jdbi.withHandle(h -> byHash(h, contentHash));
    }

    @Override
    public Optional<Meeting> same(LocalDate date, LocalTime start, String title) {
        return jdbi.withHandle(h -> h.createQuery("select " + MEETING + " from meeting where held_on = ? and started = ?"
                        + " and title = ? order by id").bind(0, date.toString()).bind(1, start.toString()).bind(2, title)
                .map((rs, ctx) -> meeting(rs)).findFirst());
    }

    @Override
    public Optional<Meeting> meeting(long id) {
        return jdbi.withHandle(h -> meeting(h, id));
    }

    @Override
    public List<Meeting> meetings(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + MEETING + " from meeting order by held_on desc, id desc"
                + " limit ?").bind(0, limit).map((rs, ctx) -> meeting(rs)).list());
    }

    @Override
    public List<StoredItem> items(long meetingId) {
        return jdbi.withHandle(h -> h.createQuery("select " + ITEM + " from meeting_item where meeting_id = ?"
                + " order by line, id").bind(0, meetingId).map((rs, ctx) -> item(rs)).list());
    }

    @Override
    public Optional<StoredItem> item(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + ITEM + " from meeting_item where id = ?").bind(0, id)
                .map((rs, ctx) -> item(rs)).findOne());
    }

    @Override
    public List<StoredItem> pending() {
        return jdbi.withHandle(h -> h.createQuery("select " + ITEM + " from meeting_item where state = ? order by id")
                .bind(0, ItemState.PENDING.id()).map((rs, ctx) -> item(rs)).list());
    }

    @Override
    public List<StoredItem> classifications() {
        return jdbi.withHandle(h -> h.createQuery("select " + ITEM_OF_I
                        + " from meeting_item i join meeting m on m.id = i.meeting_id where i.decision like 'classification:%'"
                        + " and i.state in (<states>) order by m.held_on desc, m.started desc, i.meeting_id desc,"
                        + " i.line desc")
                .bindList("states", List.of(ItemState.APPLIED.id(), ItemState.NOTED.id(), ItemState.CONFIRMED.id(),
                        ItemState.KEPT.id())).map((rs, ctx) -> item(rs)).list());
    }

    @Override
    public void update(StoredItem i) {
        jdbi.useHandle(h -> h.createUpdate("update meeting_item set state = ?, target = ?, outcome = ? where id = ?")
                .bind(0, i.state().id()).bind(1, i.target().orElse(null)).bind(2, i.outcome()).bind(3, i.id()).execute());
    }

    @Override
    public boolean decide(long itemId, ItemState state, Optional<String> target, String outcome, String by, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update meeting_item set state = ?, target = ?, outcome = ?,"
                        + " decided_by = ?, decided_at = ? where id = ? and state = ?")
                .bind(0, state.id()).bind(1, target.orElse(null)).bind(2, outcome).bind(3, by).bind(4, at.toEpochMilli())
                .bind(5, itemId).bind(6, ItemState.PENDING.id()).execute()) == 1;
    }

    @Override
    public List<FollowUp> followUps(long meetingId) {
        return jdbi.withHandle(h -> h.createQuery("select " + FOLLOW_UP + " from meeting_follow_up where meeting_id = ?"
                + " order by line, id").bind(0, meetingId).map((rs, ctx) -> followUp(rs)).list());
    }

    @Override
    public List<FollowUp> openFollowUps() {
        return jdbi.withHandle(h -> h.createQuery("select " + FOLLOW_UP + " from meeting_follow_up where done_at is null"
                + " order by id").map((rs, ctx) -> followUp(rs)).list());
    }

    @Override
    public boolean followUpDone(long id, String by, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update meeting_follow_up set done_by = ?, done_at = ? where id = ?"
                + " and done_at is null").bind(0, by).bind(1, at.toEpochMilli()).bind(2, id).execute()) == 1;
    }

    @Override
    public boolean claimAgenda(String occurrence, String messageId, Instant at) {
        // on conflict: two instances claiming at once both pass a "where not exists"; the key decides, quietly
        return jdbi.withHandle(h -> h.createUpdate("insert into meeting_agenda_sent (occurrence, message_id, sent_at)"
                        + " values (?, ?, ?) on conflict do nothing")
                .bind(0, occurrence).bind(1, messageId).bind(2, at.toEpochMilli()).execute()) == 1;
    }
}

package org.breakwater.meeting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.breakwater.meeting.FollowUp;
import org.breakwater.meeting.ItemKind;
import org.breakwater.meeting.ItemState;
import org.breakwater.meeting.Meeting;
import org.breakwater.meeting.MinutesFormat;
import org.breakwater.meeting.StoredItem;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingested meetings, their items, follow-ups and agenda mails, the same on SQLite and PostgreSQL. */
abstract class MeetingContract {
    static final Instant NOW = Instant.parse("2014-06-06T09:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbiMeetingRepository meetings;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        meetings = new JdbiMeetingRepository(db.jdbi());
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    static Meeting meeting(String hash) {
        return new Meeting(0, LocalDate.parse("2014-06-05"), LocalTime.parse("18:00:07"), "Infrastructure (2014-06-05)",
                Optional.of("#fedora-meeting"), "nirik", List.of("nirik", "smooge"), List.of("nirik", "pingou"),
                "infrastructure.2014-06-05-18.00.txt", hash, MinutesFormat.TEXT_MINUTES, false, "nirik", NOW);
    }

    static StoredItem item(int line, ItemState state, List<String> candidates) {
        return new StoredItem(0, 0, line, ItemKind.AGREED, "nirik", LocalTime.of(18, 5, 48), "BW-12 pkgdb2 deployment",
                state, state == ItemState.APPLIED ? Optional.of("plan:12") : Optional.empty(), candidates,
                Optional.of("date:2014-06-09"), "recorded", Optional.empty(), Optional.empty());
    }

    @Test
    void a_meeting_is_stored_with_its_items_and_follow_ups_and_read_back() {
        Meeting m = meetings.save(meeting("a".repeat(64)), List.of(item(26, ItemState.APPLIED, List.of()),
                item(30, ItemState.PENDING, List.of("plan:12", "plan:13"))), List.of(new FollowUp(0, 0, 27, "nirik",
                "pingou to send the outage notice", Optional.of(12L), Optional.empty(), Optional.empty()))).orElseThrow();
        assertThat(meetings.meeting(m.id())).contains(m);
        assertThat(m.chairs()).containsExactly("nirik", "smooge");
        assertThat(m.channel()).contains("#fedora-meeting");
        assertThat(meetings.items(m.id())).extracting(StoredItem::line).containsExactly(26, 30);
        assertThat(meetings.items(m.id()).get(1).candidates()).containsExactly("plan:12", "plan:13");
        assertThat(meetings.pending()).extracting(StoredItem::line).containsExactly(30);
        assertThat(meetings.openFollowUps()).singleElement().satisfies(f -> assertThat(f.planId()).contains(12L));
        assertThat(meetings.meetings(10)).containsExactly(m);
        assertThat(meetings.same(m.date(), m.start(), m.title())).contains(m);
    }

    @Test
    void the_same_minutes_saved_twice_are_stored_once() {
        assertThat(meetings.save(meeting("b".repeat(64)), List.of(item(1, ItemState.APPLIED, List.of())), List.of()))
                .isPresent();
        assertThat(meetings.save(meeting("b".repeat(64)), List.of(item(1, ItemState.APPLIED, List.of())), List.of()))
                .isEmpty();
        assertThat(meetings.meetings(10)).hasSize(1);
        assertThat(meetings.items(meetings.meetings(10).get(0).id())).hasSize(1);
    }

    @Test
    void a_pending_item_is_decided_once_and_a_follow_up_done_once() {
        Meeting m = meetings.save(meeting("c".repeat(64)), List.of(item(30, ItemState.PENDING, List.of("plan:1", "plan:2"))),
                List.of(new FollowUp(0, 0, 31, "nirik", "x", Optional.empty(), Optional.empty(), Optional.empty())))
                .orElseThrow();
        long id = meetings.items(m.id()).get(0).id();
        assertThat(meetings.decide(id, ItemState.CONFIRMED, Optional.of("plan:2"), "recorded", "pingou", NOW)).isTrue();
        assertThat(meetings.decide(id, ItemState.REJECTED, Optional.empty(), "none", "nirik", NOW)).isFalse();
        StoredItem decided = meetings.item(id).orElseThrow();
        assertThat(decided.state()).isEqualTo(ItemState.CONFIRMED);
        assertThat(decided.target()).contains("plan:2");
        assertThat(decided.decidedBy()).contains("pingou");
        assertThat(meetings.pending()).isEmpty();
        long f = meetings.followUps(m.id()).get(0).id();
        assertThat(meetings.followUpDone(f, "pingou", NOW)).isTrue();
        assertThat(meetings.followUpDone(f, "pingou", NOW)).isFalse();
        assertThat(meetings.openFollowUps()).isEmpty();
    }

    static StoredItem classification(int line, ItemState state, String decision) {
        return new StoredItem(0, 0, line, ItemKind.AGREED, "smooge", LocalTime.of(18, 6), "tagger is ...", state,
                Optional.of("service:tagger"), List.of(), Optional.of(decision), "kept", Optional.empty(), Optional.empty());
    }

    @Test
    void the_classifications_that_counted_are_read_newest_meeting_first() {
        Meeting older = meetings.save(meeting("d".repeat(64)), List.of(classification(7, ItemState.KEPT,
                "classification:tagger:exempt"), classification(9, ItemState.REJECTED, "classification:tagger:applies"),
                item(26, ItemState.APPLIED, List.of())), List.of()).orElseThrow();
        Meeting m = meeting("e".repeat(64));
        Meeting newer = meetings.save(new Meeting(0, m.date().plusDays(7), m.start(), "Infrastructure (2014-06-12)",
                m.channel(), m.owner(), m.chairs(), m.participants(), m.source(), m.contentHash(), m.format(),
                m.truncated(), m.ingestedBy(), m.ingestedAt()), List.of(classification(8, ItemState.APPLIED,
                "classification:tagger:applies")), List.of()).orElseThrow();
        assertThat(meetings.classifications()).extracting(i -> i.meetingId() + ":" + i.line() + ":" + i.state().id())
                .containsExactly(newer.id() + ":8:applied", older.id() + ":7:kept");
    }

    @Test
    void an_agenda_occurrence_is_claimed_once() {
        assertThat(meetings.claimAgenda("2014-06-12T18:00Z", "<a@x>", NOW)).isTrue();
        assertThat(meetings.claimAgenda("2014-06-12T18:00Z", "<b@x>", NOW)).isFalse();
        assertThat(meetings.claimAgenda("2014-06-19T18:00Z", "<c@x>", NOW)).isTrue();
    }
}

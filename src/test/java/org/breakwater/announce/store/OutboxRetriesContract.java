package org.breakwater.announce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.breakwater.announce.AnnounceRepository;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What waits in the outbox (to be retried, and at all), counted on SQLite and on PostgreSQL. */
abstract class OutboxRetriesContract {
    static final Instant NOW = Instant.parse("2026-12-04T21:30:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbiAnnounceRepository outbox;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        outbox = new JdbiAnnounceRepository(db.jdbi());
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private static OutboxEntry entry(String id, OutboxEntry.Channel channel) {
        return new OutboxEntry(0, channel, "<" + id + "@fedoraproject.org>", Optional.empty(), "devel@lists.fedoraproject.org",
                "subject", "body", 0, NOW, OutboxEntry.State.PENDING, Optional.empty(), NOW, Optional.empty());
    }

    private long id(String messageId) {
        return outbox.outbox(50).stream().filter(e -> e.messageId().equals("<" + messageId + "@fedoraproject.org>"))
                .findFirst().orElseThrow().id();
    }

    @Test
    void failed_entries_waiting_for_their_next_attempt_are_counted_with_the_soonest() {
        Set<OutboxEntry.Channel> mail = EnumSet.of(OutboxEntry.Channel.MAIL);
        assertThat(outbox.retries(NOW, mail)).isEqualTo(new AnnounceRepository.Retries(0, Optional.empty()));
        outbox.enqueue(entry("a", OutboxEntry.Channel.MAIL));
        outbox.enqueue(entry("b", OutboxEntry.Channel.MAIL));
        outbox.enqueue(entry("c", OutboxEntry.Channel.MAIL));
        outbox.enqueue(entry("bus", OutboxEntry.Channel.BUS));
        outbox.failed(id("a"), 1, NOW.plusSeconds(30), "connection refused");
        outbox.failed(id("b"), 3, NOW.plusSeconds(120), "connection refused");
        outbox.failed(id("bus"), 1, NOW.plusSeconds(10), "broker down");

        assertThat(outbox.retries(NOW, mail)).as("c was never tried: it is due, not waiting")
                .isEqualTo(new AnnounceRepository.Retries(2, Optional.of(NOW.plusSeconds(30))));
        assertThat(outbox.retries(NOW, EnumSet.allOf(OutboxEntry.Channel.class)))
                .isEqualTo(new AnnounceRepository.Retries(3, Optional.of(NOW.plusSeconds(10))));
        assertThat(outbox.retries(NOW.plusSeconds(60), mail))
                .isEqualTo(new AnnounceRepository.Retries(1, Optional.of(NOW.plusSeconds(120))));
        assertThat(outbox.retries(NOW, Set.of())).isEqualTo(new AnnounceRepository.Retries(0, Optional.empty()));
    }

    @Test
    void pending_entries_are_counted_per_channel_with_the_time_the_oldest_was_made() {
        assertThat(outbox.waiting()).isEmpty();
        outbox.enqueue(entry("a", OutboxEntry.Channel.MAIL));
        outbox.enqueue(new OutboxEntry(0, OutboxEntry.Channel.MAIL, "<old@fedoraproject.org>", Optional.empty(), "devel@lists",
                "subject", "body", 0, NOW, OutboxEntry.State.PENDING, Optional.empty(), NOW.minusSeconds(3600), Optional.empty()));
        outbox.enqueue(entry("sent", OutboxEntry.Channel.MAIL));
        outbox.enqueue(entry("bus", OutboxEntry.Channel.BUS));
        outbox.failed(id("a"), 2, NOW.plusSeconds(30), "connection refused");
        OutboxEntry sent = outbox.outbox(50).stream().filter(e -> e.messageId().startsWith("<sent@")).findFirst().orElseThrow();
        outbox.sent(sent, NOW);

        assertThat(outbox.waiting()).as("failed ones wait too; sent ones do not").containsExactly(
                new AnnounceRepository.Waiting(OutboxEntry.Channel.BUS, 1, NOW),
                new AnnounceRepository.Waiting(OutboxEntry.Channel.MAIL, 2, NOW.minusSeconds(3600)));
    }

    @Test
    void workers_claiming_the_same_reminder_at_once_get_it_once_and_none_fails() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (long lead = 1; lead <= 40; lead++) {
                long l = lead;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
                java.util.List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    claims.add(pool.submit(() -> {
                        together.await();
                        return outbox.claimReminder(7, l);
                    }));
                }
                int won = 0;
                for (java.util.concurrent.Future<Boolean> c : claims) {
                    won += c.get() ? 1 : 0; // a failed claim throws here
                }
                assertThat(won).as("lead %d", l).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
    }
}

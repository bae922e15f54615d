package org.breakwater.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.meeting.store.JdbiMeetingRepository;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingFixture;
import org.breakwater.staging.store.JdbiSuiteRepository;
import org.breakwater.store.TestDatabases;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim ("this instance does it") made while another instance's claim of the same thing is
 * written but not committed yet, on PostgreSQL: the race two {@code serve} processes run into
 * every delivery round, made certain here by holding the other instance's transaction open until
 * the claim waits on it. The claim must lose quietly, not fail; a due time set at once by two
 * instances must be set, not fail.
 */
class ClaimRaceTest {
    @TempDir
    Path dir;
    App app;

    @BeforeEach
    void open() {
        app = App.open(new App.Settings(Optional.of(TestDatabases.newPostgresUrl()), dir), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void an_agenda_claimed_by_another_instance_in_a_transaction_not_committed_yet_is_refused_quietly() throws Exception {
        String occurrence = "2026-12-10T18:00:00Z";
        JdbiMeetingRepository meetings = new JdbiMeetingRepository(app.database().jdbi());
        try (Handle other = app.database().jdbi().open()) {
            other.begin();
            other.execute("insert into meeting_agenda_sent (occurrence, message_id, sent_at) values (?, ?, ?)",
                    occurrence, "<other@example.org>", Instant.now().toEpochMilli());
            CompletableFuture<Boolean> mine = CompletableFuture.supplyAsync(() -> meetings.claimAgenda(occurrence,
                    "<mine@example.org>", Instant.now()));
            awaitWaiting(() -> waitingOnLock(), mine);
            other.commit();
            assertThat(mine.get()).as("the other instance has it").isFalse();
        }
        java.util.List<String> kept = app.database().jdbi().withHandle(h -> h.createQuery(
                "select message_id from meeting_agenda_sent").mapTo(String.class).list());
        assertThat(kept).containsExactly("<other@example.org>");
    }

    @Test
    void a_suite_made_due_while_another_instance_makes_it_due_in_a_transaction_not_committed_yet_is_made_due_without_an_error()
            throws Exception {
        app.catalog().importCatalog(org.breakwater.catalog.CatalogValidator.check(new org.breakwater.catalog.files
                .CatalogFolderReader(org.breakwater.apidiff.spec.ReadLimits.defaults()).read(TwoServes.CATALOG)));
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("suite"));
        assertThat(app.suites(SecretBox.NONE).add(StagingFixture.suite("pkgdb-e2e", "true", folder,
                java.time.Duration.ofMinutes(1)))).isInstanceOf(Outcome.Done.class);
        Instant mine = Instant.parse("2026-12-05T03:00:00Z");
        JdbiSuiteRepository suites = new JdbiSuiteRepository(app.database().jdbi());
        try (Handle other = app.database().jdbi().open()) {
            other.begin(); // what setDue does, on another instance: a deployment of pkgdb to staging recorded there
            other.execute("delete from staging_schedule where suite = ?", "pkgdb-e2e");
            other.execute("insert into staging_schedule (suite, next_due, taken_by, taken_at) values (?, ?, '', ?)",
                    "pkgdb-e2e", mine.minusSeconds(1).toEpochMilli(), mine.toEpochMilli());
            CompletableFuture<Void> set = CompletableFuture.runAsync(() -> suites.setDue("pkgdb-e2e", mine, mine));
            awaitWaiting(this::waitingOnLock, set);
            other.commit();
            set.get();
        }
        assertThat(suites.nextDue("pkgdb-e2e")).as("the later write stands").contains(mine);
    }

    /** Whether a statement of this database waits for a lock (the claim, on the other's uncommitted row). */
    private boolean waitingOnLock() {
        return app.database().jdbi().withHandle(h -> h.createQuery("select count(*) from pg_stat_activity where"
                + " datname = current_database() and wait_event_type = 'Lock'").mapTo(Long.class).one()) > 0;
    }

    /** Waits (bounded) until {@code waiting}; a claim that finished first did not wait, which the test reports. */
    static void awaitWaiting(BooleanSupplier waiting, CompletableFuture<?> claim) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (waiting.getAsBoolean()) {
                return;
            }
            assertThat(claim).as("the claim waits for the other instance's transaction").isNotDone();
            Thread.sleep(50);
        }
        throw new AssertionError("the claim never waited for the other instance's transaction");
    }
}

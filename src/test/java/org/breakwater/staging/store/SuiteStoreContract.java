package org.breakwater.staging.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.staging.Due;
import org.breakwater.staging.RunStatus;
import org.breakwater.staging.SealedSecret;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.StoredCase;
import org.breakwater.staging.SuiteRepository;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.TestId;
import org.breakwater.staging.TestStatus;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suites, secrets, runs, cases and the schedule in the store, the same on SQLite and PostgreSQL. */
abstract class SuiteStoreContract {
    static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbiSuiteRepository repo;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        repo = new JdbiSuiteRepository(db.jdbi());
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    static StagingSuite suite(String name, String origin) {
        return new StagingSuite(name, List.of("pkgdb", "bodhi"), "./run.sh --fast", "/srv/e2e", Map.of("BASE_URL",
                "https://pkgdb.stg", "QUOTE", "a \"b\"\nc"), "out/*.xml", Duration.ofMinutes(20), StagingSuite.Display.VIRTUAL,
                "staging", "30 5 * * 1-5", ZoneId.of("Europe/Paris"), origin);
    }

    @Test
    void a_suite_is_stored_as_given_and_replaced_whole() {
        StagingSuite s = suite("pkgdb-e2e", "cli");
        repo.save(s, NOW);
        assertThat(repo.suite("pkgdb-e2e")).contains(s);
        StagingSuite changed = new StagingSuite("pkgdb-e2e", List.of("pkgdb"), "true", "", Map.of(), "r.xml",
                Duration.ofSeconds(5), StagingSuite.Display.NONE, "staging", StagingSuite.DAILY, ZoneId.of("UTC"), "cli");
        repo.save(changed, NOW);
        assertThat(repo.suites()).containsExactly(changed);
    }

    @Test
    void removing_a_suite_removes_its_secrets_and_schedule_but_keeps_its_runs() {
        repo.save(suite("pkgdb-e2e", "cli"), NOW);
        repo.saveSecret("pkgdb-e2e", new SealedSecret("PASSWORD", "bm9uY2U=", "c2VhbGVk", "k1"), NOW);
        repo.setDue("pkgdb-e2e", NOW, NOW);
        long run = repo.begin("pkgdb-e2e", "cli", NOW, Map.of("pkgdb", "2.0.0"));
        assertThat(repo.remove("pkgdb-e2e")).isTrue();
        assertThat(repo.remove("pkgdb-e2e")).isFalse();
        assertThat(repo.secrets("pkgdb-e2e")).isEmpty();
        assertThat(repo.nextDue("pkgdb-e2e")).isEmpty();
        assertThat(repo.run(run)).isPresent();
    }

    @Test
    void suites_from_files_replace_those_from_files_and_leave_those_added_by_hand() {
        repo.save(suite("by-hand", "cli"), NOW);
        repo.replaceFileSuites(List.of(suite("a", "catalog/suites.yaml"), suite("b", "catalog/suites.yaml")), NOW);
        repo.replaceFileSuites(List.of(suite("b", "catalog/other.yaml")), NOW);
        assertThat(repo.suites()).extracting(StagingSuite::name).containsExactly("b", "by-hand");
        assertThat(repo.suite("b").orElseThrow().origin()).isEqualTo("catalog/other.yaml");
    }

    @Test
    void a_secret_is_replaced_and_listed_by_name() {
        repo.save(suite("s", "cli"), NOW);
        repo.saveSecret("s", new SealedSecret("B", "n1", "x1", "k"), NOW);
        repo.saveSecret("s", new SealedSecret("A", "n2", "x2", "k"), NOW);
        repo.saveSecret("s", new SealedSecret("B", "n3", "x3", "k"), NOW);
        assertThat(repo.secrets("s")).containsExactly(new SealedSecret("A", "n2", "x2", "k"),
                new SealedSecret("B", "n3", "x3", "k"));
        assertThat(repo.removeSecret("s", "A")).isTrue();
        assertThat(repo.removeSecret("s", "A")).isFalse();
    }

    @Test
    void a_run_is_begun_running_and_finished_once_with_its_cases() {
        long id = repo.begin("s", "schedule", NOW, Map.of("pkgdb", "2.0.0"));
        assertThat(repo.run(id).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        SuiteRun done = new SuiteRun(id, "s", RunStatus.FAILED, "schedule", NOW, Optional.of(NOW.plusSeconds(60)),
                Optional.of(1), Map.of("pkgdb", "2.0.0"), "2 tests, 1 failed", "output", 2, 1, 0);
        List<StoredCase> cases = List.of(new StoredCase(new TestId("A#one"), TestStatus.PASSED, Duration.ofMillis(1500), 0,
                ""), new StoredCase(new TestId("A#two"), TestStatus.FAILED, Duration.ofMillis(20), 1, "expected 1"));
        assertThat(repo.finish(done, cases)).isTrue();
        assertThat(repo.finish(done, cases)).as("only a running run is finished").isFalse();
        assertThat(repo.run(id)).contains(done);
        assertThat(repo.cases(id)).containsExactlyElementsOf(cases);
        assertThat(repo.runs(Optional.of("s"), 5)).singleElement().satisfies(r -> assertThat(r.output()).isEmpty());
        assertThat(repo.seenBefore("s", id + 1, Set.of(new TestId("A#one"), new TestId("A#new"))))
                .containsExactly(new TestId("A#one"));
        assertThat(repo.runsBetween(Set.of("s"), NOW, NOW.plusSeconds(1))).hasSize(1);
        assertThat(repo.runsBetween(Set.of("s"), NOW.plusSeconds(1), NOW.plusSeconds(2))).isEmpty();
    }

    @Test
    void a_run_whose_heartbeat_stopped_is_marked_interrupted_and_a_beating_one_is_not() {
        long dead = repo.begin("s", "schedule", NOW, Map.of());
        long alive = repo.begin("s", "cli", NOW, Map.of());
        repo.heartbeat(alive, NOW.plusSeconds(300));
        assertThat(repo.interruptStale(NOW.plusSeconds(200), NOW.plusSeconds(310))).isEqualTo(1);
        assertThat(repo.run(dead).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(repo.run(dead).orElseThrow().green()).isFalse();
        assertThat(repo.run(alive).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void a_due_occurrence_is_taken_by_one_caller_only() {
        repo.setDue("s", NOW, NOW.minusSeconds(60));
        assertThat(repo.take("s", NOW, NOW.plus(Duration.ofDays(1)), "one", NOW)).isTrue();
        assertThat(repo.take("s", NOW, NOW.plus(Duration.ofDays(1)), "two", NOW)).isFalse();
        assertThat(repo.nextDue("s")).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void a_due_time_keeps_why_it_is_due_until_it_is_taken_and_then_is_back_on_the_schedule() {
        repo.setDue("s", NOW.plusSeconds(3600), NOW.minusSeconds(60));
        assertThat(repo.due("s")).contains(new Due(NOW.plusSeconds(3600), Due.SCHEDULE));
        repo.setDue("s", NOW, NOW, Due.DEPLOYMENT);
        assertThat(repo.due("s")).contains(new Due(NOW, Due.DEPLOYMENT));
        assertThat(repo.take("s", NOW, NOW.plus(Duration.ofDays(1)), "one", NOW)).isTrue();
        assertThat(repo.due("s")).contains(new Due(NOW.plus(Duration.ofDays(1)), Due.SCHEDULE));
        assertThat(repo.due("none")).isEmpty();
    }

    long ranDaysAgo(String suite, int days, boolean finished) {
        Instant at = NOW.minus(Duration.ofDays(days));
        long id = repo.begin(suite, "schedule", at, Map.of());
        if (finished) {
            repo.finish(new SuiteRun(id, suite, RunStatus.PASSED, "schedule", at, Optional.of(at.plusSeconds(60)),
                    Optional.of(0), Map.of(), "", "", 2, 0, 0), List.of(new StoredCase(new TestId("A#one"),
                    TestStatus.PASSED, Duration.ofMillis(5), 0, ""), new StoredCase(new TestId("A#two"), TestStatus.PASSED,
                    Duration.ofMillis(5), 0, "")));
        }
        return id;
    }

    @Test
    void prune_forgets_old_runs_and_their_cases_but_keeps_each_suites_newest_and_runs_still_going() {
        long going = ranDaysAgo("a", 200, false);
        long recent = ranDaysAgo("a", 1, true);
        List<Long> old = new java.util.ArrayList<>();
        for (int d = 96; d <= 100; d++) {
            old.add(ranDaysAgo("a", d, true));
        }
        long lonely = ranDaysAgo("b", 300, true);

        SuiteRepository.Pruned pruned = repo.prune(NOW.minus(Duration.ofDays(30)), 2);

        assertThat(pruned).isEqualTo(new SuiteRepository.Pruned(4, 8));
        assertThat(repo.runs(Optional.of("a"), 100)).extracting(SuiteRun::id)
                .containsExactlyInAnyOrder(going, recent, old.get(0));
        assertThat(repo.cases(old.get(1))).isEmpty();
        assertThat(repo.cases(old.get(0))).hasSize(2);
        assertThat(repo.runs(Optional.of("b"), 100)).as("b's only run is its newest").extracting(SuiteRun::id)
                .containsExactly(lonely);
        assertThat(repo.prune(NOW.minus(Duration.ofDays(30)), 2)).isEqualTo(new SuiteRepository.Pruned(0, 0));
    }
}

package org.breakwater.staging.replay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.staging.StagingFixture;
import org.breakwater.staging.replay.Difference;
import org.breakwater.staging.replay.DifferenceGroup;
import org.breakwater.staging.replay.ReplayRepository;
import org.breakwater.staging.replay.ReplayRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays, the operations they exercised, their schedule and their retention in the store, the same on SQLite and PostgreSQL. */
abstract class ReplayStoreContract {
    static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");

    @TempDir
    Path dir;

    StagingFixture fx;
    JdbiReplayRepository repo;
    long plan;
    long other;

    abstract StagingFixture open(Path dir, Instant now);

    @BeforeEach
    void openStore() {
        fx = open(dir, NOW);
        repo = new JdbiReplayRepository(fx.database().jdbi());
        plan = plan("pkgdb2");
        other = plan("pkgdb3");
    }

    long plan(String title) {
        return ((Outcome.Done<Plan>) fx.app.plans(PolicyReader.defaults()).create(new NewPlan(title, Map.of("pkgdb",
                "2.0.0"), Map.of(), "production", NOW.plus(Duration.ofDays(20)), Duration.ofHours(4), "pingou",
                Optional.empty(), PlanStatus.SCHEDULED), true)).value().id();
    }

    @AfterEach
    void closeStore() {
        fx.close();
    }

    static ReplayRun run(long plan, Instant started, String candidate, List<ReplayRun.Exercised> exercised) {
        DifferenceGroup g = new DifferenceGroup("pkgdb", "GET /acls/name/{}", Difference.Kind.VALUE_CHANGED,
                "$.branch", "devel", "master", 3, List.of(new DifferenceGroup.CallerCalls("bodhi", true, 3)),
                "/acls/name/guake", false);
        return new ReplayRun(0, plan, started, started.plusSeconds(30), candidate, List.of("staging-baseline"),
                List.of("pkgdb 2.0.0"), 5, 3, 1, false, List.of(), List.of(g), exercised);
    }

    @Test
    void a_replay_is_stored_with_its_differences_and_the_operations_the_candidate_answered() {
        List<ReplayRun.Exercised> ops = List.of(new ReplayRun.Exercised("pkgdb", "GET /acls/name/{}", 3),
                new ReplayRun.Exercised("pkgdb", "GET /collections", 1));
        long id = repo.save(run(plan, NOW, "staging", ops));
        ReplayRun back = repo.run(id).orElseThrow();
        assertThat(back.exercised()).containsExactlyElementsOf(ops);
        assertThat(back.groups()).singleElement().satisfies(g -> assertThat(g.callers()).hasSize(1));
        assertThat(repo.latest(plan)).map(ReplayRun::id).contains(id);
    }

    @Test
    void the_operations_replays_exercised_are_summed_per_service_and_candidate_within_the_period() {
        repo.save(run(plan, NOW.minus(Duration.ofDays(40)), "staging", List.of(
                new ReplayRun.Exercised("pkgdb", "GET /packages", 7))));
        long a = repo.save(run(plan, NOW.minus(Duration.ofDays(2)), "staging", List.of(
                new ReplayRun.Exercised("pkgdb", "GET /acls/name/{}", 3))));
        long b = repo.save(run(other, NOW.minus(Duration.ofDays(1)), "staging", List.of(
                new ReplayRun.Exercised("pkgdb", "GET /acls/name/{}", 2), new ReplayRun.Exercised("bodhi", "GET /u", 1))));
        repo.save(run(plan, NOW.minus(Duration.ofDays(1)), "staging2", List.of(
                new ReplayRun.Exercised("pkgdb", "GET /collections", 4))));
        Instant since = NOW.minus(Duration.ofDays(30));
        assertThat(repo.exercised("pkgdb", "staging", since, NOW))
                .containsExactly(new ReplayRun.Exercised("pkgdb", "GET /acls/name/{}", 5));
        assertThat(repo.runsExercising("pkgdb", "staging", since, NOW)).extracting(ReplayRun::id).containsExactly(a, b);
        assertThat(repo.runsExercising("bodhi", "staging", since, NOW)).extracting(ReplayRun::id).containsExactly(b);
        assertThat(repo.exercised("fas", "staging", since, NOW)).isEmpty();
    }

    @Test
    void a_due_replay_is_taken_by_one_caller_only() {
        assertThat(repo.nextDue(plan)).isEmpty();
        repo.addDue(plan, NOW, NOW.minusSeconds(60));
        repo.addDue(plan, NOW.plusSeconds(5), NOW.minusSeconds(50));
        assertThat(repo.nextDue(plan)).as("the first instance's due time stays, the second's adds nothing").contains(NOW);
        repo.setDue(plan, NOW, NOW.minusSeconds(60));
        assertThat(repo.nextDue(plan)).contains(NOW);
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        assertThat(repo.take(plan, NOW, tomorrow, "one", NOW)).isTrue();
        assertThat(repo.take(plan, NOW, tomorrow, "two", NOW)).as("read before the first moved it").isFalse();
        assertThat(repo.nextDue(plan)).contains(tomorrow);
        assertThat(repo.nextDue(other)).isEmpty();
    }

    @Test
    void prune_forgets_old_replays_with_their_differences_and_operations_but_keeps_each_plans_newest() {
        List<Long> old = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            old.add(repo.save(run(plan, NOW.minus(Duration.ofDays(100 + i)), "staging", List.of(
                    new ReplayRun.Exercised("pkgdb", "GET /packages", 1)))));
        }
        long otherOld = repo.save(run(other, NOW.minus(Duration.ofDays(200)), "staging", List.of()));
        long recent = repo.save(run(plan, NOW.minus(Duration.ofDays(1)), "staging", List.of()));
        ReplayRepository.Pruned pruned = repo.prune(NOW.minus(Duration.ofDays(30)), 2);
        assertThat(pruned).as("the plan's 2 newest stay: the recent one and the youngest old one; the other plan's only"
                + " run stays").isEqualTo(new ReplayRepository.Pruned(3, 3));
        assertThat(repo.runs(plan)).extracting(ReplayRun::id).containsExactly(recent, old.get(0));
        assertThat(repo.runs(other)).extracting(ReplayRun::id).containsExactly(otherOld);
        assertThat(repo.exercised("pkgdb", "staging", NOW.minus(Duration.ofDays(400)), NOW))
                .as("the operations of pruned runs are gone with them")
                .containsExactly(new ReplayRun.Exercised("pkgdb", "GET /packages", 1));
        int left = fx.database().jdbi().withHandle(h -> h.createQuery("select count(*) from replay_difference")
                .mapTo(Integer.class).one());
        assertThat(left).isEqualTo(3);
        assertThat(repo.prune(NOW.minus(Duration.ofDays(30)), 2)).isEqualTo(new ReplayRepository.Pruned(0, 0));
    }
}

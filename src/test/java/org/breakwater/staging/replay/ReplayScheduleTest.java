package org.breakwater.staging.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.breakwater.App;
import org.breakwater.cli.CliRun;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.staging.StagingFixture.MutableClock;
import org.breakwater.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's schedule inside serve, against real local servers: an open plan replayed once per
 * occurrence of the policy's schedule, never when it is off or the plan is over, once across two
 * instances on one PostgreSQL, and due at once after a deployment to staging.
 */
class ReplayScheduleTest {
    static final Instant MONDAY_5AM = Instant.parse("2026-12-07T05:00:00Z");
    static final Optional<String> DAILY = Optional.of("0 6 * * *");

    @TempDir
    Path dir;

    final ReplayHttpTest servers = new ReplayHttpTest();
    final AtomicInteger stagingHits = new AtomicInteger();
    final AtomicInteger productionHits = new AtomicInteger();
    final List<App> apps = new ArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();
    URI baseline;
    URI candidate;
    URI production;

    @BeforeEach
    void start() throws Exception {
        baseline = servers.serve(ReplayHttpTest.json("{\"acls\":[{\"branch\":\"devel\"}]}", stagingHits));
        candidate = servers.serve(ReplayHttpTest.json("{\"acls\":[{\"branch\":\"master\"}]}", stagingHits));
        production = servers.serve(ReplayHttpTest.json("{}", productionHits));
    }

    @AfterEach
    void stop() {
        servers.stop();
        apps.forEach(App::close);
    }

    App open(Optional<String> url, MutableClock clock) {
        App app = App.open(new App.Settings(url, dir.resolve("store")), clock);
        apps.add(app);
        return app;
    }

    Plan setUp(App app, Instant now) throws Exception {
        return new ReplayFixture(app, dir, now, PolicyReader.defaults(), candidate, baseline, production).plan;
    }

    ReplayScheduler scheduler(App app, Optional<String> cron, String owner) {
        return app.replayScheduler(cron, owner, Runnable::run, lines::add);
    }

    @Test
    void an_open_plan_is_replayed_once_per_occurrence_and_never_when_the_schedule_is_off_or_the_plan_is_over()
            throws Exception {
        MutableClock clock = new MutableClock(MONDAY_5AM);
        App app = open(Optional.empty(), clock);
        Plan plan = setUp(app, MONDAY_5AM);
        assertThat(scheduler(app, DAILY, "a").tick()).as("first seen: due at the next 06:00").isEmpty();
        clock.set(MONDAY_5AM.plus(Duration.ofMinutes(59)));
        assertThat(scheduler(app, DAILY, "a").tick()).isEmpty();
        clock.set(MONDAY_5AM.plus(Duration.ofDays(2)));
        ReplayScheduler restarted = scheduler(app, DAILY, "b");
        assertThat(restarted.tick()).as("two missed days replay once").containsExactly(plan.id());
        assertThat(restarted.tick()).isEmpty();
        assertThat(app.replays().runs(plan.id())).hasSize(1);
        assertThat(lines).singleElement().asString().startsWith("plan " + plan.id() + " replayed")
                .contains("20 call(s), 1 difference(s)");
        assertThat(stagingHits).hasValue(40);
        assertThat(productionHits).hasValue(0);

        clock.advance(Duration.ofDays(1));
        assertThat(scheduler(app, Optional.empty(), "c").tick()).as("the policy's replaySchedule: off").isEmpty();
        app.plans(PolicyReader.defaults()).setStatus(plan.id(), PlanStatus.CANCELLED);
        assertThat(scheduler(app, DAILY, "c").tick()).as("a cancelled plan is not replayed").isEmpty();
        assertThat(app.replays().runs(plan.id())).hasSize(1);
    }

    @Test
    void a_scheduled_replay_whose_candidate_refuses_connections_keeps_a_run_with_every_call_unanswered_and_the_gate_unmet()
            throws Exception {
        MutableClock clock = new MutableClock(MONDAY_5AM);
        App app = open(Optional.empty(), clock);
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            candidate = URI.create("http://127.0.0.1:" + closed.getLocalPort()); // closed below: connections refused
        }
        Plan plan = setUp(app, MONDAY_5AM);
        scheduler(app, DAILY, "a").tick();
        clock.advance(Duration.ofHours(1));
        assertThat(scheduler(app, DAILY, "a").tick()).containsExactly(plan.id());
        ReplayRun run = app.replays().latestRun(plan.id()).orElseThrow();
        assertThat(run.unanswered()).isEqualTo(20);
        assertThat(run.exercised()).as("nothing answered, nothing exercised").isEmpty();
        assertThat(run.real()).singleElement().satisfies(g -> assertThat(g.describe()).contains("connection refused"));
        assertThat(lines).singleElement().asString().contains("20 unanswered");
        assertThat(app.plans(PolicyReader.defaults()).report(plan.id())).isInstanceOfSatisfying(
                org.breakwater.catalog.Outcome.Done.class, d -> assertThat(((org.breakwater.plan.PlanReport) d.value())
                        .gates()).filteredOn(g -> g.id().equals("staging-replay")).singleElement()
                        .satisfies(g -> assertThat(g.state()).isEqualTo(org.breakwater.plan.GateState.PENDING)));
    }

    @Test
    void two_instances_on_one_postgresql_due_the_same_replay_at_once_replay_it_once() throws Exception {
        String url = TestDatabases.newPostgresUrl();
        MutableClock clockOne = new MutableClock(MONDAY_5AM);
        MutableClock clockTwo = new MutableClock(MONDAY_5AM);
        App one = open(Optional.of(url), clockOne);
        App two = open(Optional.of(url), clockTwo);
        Plan plan = setUp(one, MONDAY_5AM);
        scheduler(one, DAILY, "one").tick();
        for (int round = 0; round < 3; round++) {
            clockOne.advance(Duration.ofDays(1));
            clockTwo.advance(Duration.ofDays(1));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<Long>>> ticks = new ArrayList<>();
            for (App app : List.of(one, two)) {
                ReplayScheduler s = scheduler(app, DAILY, app == one ? "one" : "two");
                ticks.add(pool.submit(() -> {
                    go.await();
                    return s.tick();
                }));
            }
            go.countDown();
            int taken = 0;
            for (Future<List<Long>> f : ticks) {
                taken += f.get().size();
            }
            pool.shutdown();
            assertThat(taken).as("round " + round).isEqualTo(1);
        }
        assertThat(one.replays().runs(plan.id())).hasSize(3);
        assertThat(stagingHits).as("20 calls to the baseline and the candidate, per round").hasValue(3 * 40);
    }

    @Test
    void a_deployment_recorded_to_staging_makes_the_plans_replay_due_now_and_one_to_production_does_not()
            throws Exception {
        Instant now = Instant.now();
        MutableClock clock = new MutableClock(now);
        App app = open(Optional.empty(), clock);
        Plan plan = setUp(app, now);
        Optional<String> yearly = Optional.of("0 6 1 1 *");
        assertThat(scheduler(app, yearly, "a").tick()).isEmpty();
        assertThat(cli("record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env", "production")).isZero();
        clock.set(Instant.now().plusSeconds(1));
        assertThat(scheduler(app, yearly, "a").tick()).as("a deployment to production makes nothing due").isEmpty();
        assertThat(cli("record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env", "staging")).isZero();
        clock.set(Instant.now().plusSeconds(1));
        assertThat(scheduler(app, yearly, "a").tick()).containsExactly(plan.id());
        assertThat(scheduler(app, yearly, "a").tick()).as("then back on its schedule").isEmpty();
    }

    @Test
    void record_deployment_prints_and_lists_in_json_the_plans_whose_replay_it_made_due() throws Exception {
        Instant now = Instant.now();
        App app = open(Optional.empty(), new MutableClock(now));
        Plan plan = setUp(app, now);
        List<String> store = List.of("--data-dir", dir.resolve("store").toString());
        CliRun text = CliRun.run(new String[] {"record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env",
            "staging"}, store);
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Replays of the open plans releasing it, due now (serve replays them while the"
                + " policy's staging.replaySchedule is on): plan " + plan.id() + " (" + plan.title() + ")");
        CliRun json = CliRun.run(new String[] {"record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env",
            "staging", "--json"}, store);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(tree.get("service").asText()).isEqualTo("pkgdb");
        assertThat(tree.get("dueReplays").toString()).isEqualTo("[" + plan.id() + "]");
        assertThat(tree.get("dueSuites").toString()).isEqualTo("[]");
        CliRun production = CliRun.run(new String[] {"record-deployment", "--service", "pkgdb", "--version", "2.0.0",
            "--env", "production", "--json"}, store);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(production.out()).get("dueReplays")
                .toString()).as("production makes no replay due").isEqualTo("[]");
    }

    int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("store").toString()));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.breakwater.cli.Main.run(all.toArray(String[]::new), new java.io.PrintWriter(new java.io.StringWriter(),
                true), new java.io.PrintWriter(err, true));
        assertThat(err.toString()).isEmpty();
        return code;
    }
}

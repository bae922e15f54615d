package org.breakwater.staging.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingFixture;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.SuiteScheduler;
import org.breakwater.staging.run.ProcessLauncher;
import org.breakwater.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule inside serve: due suites run once, across restarts and across instances on one PostgreSQL. */
class SuiteScheduleTest {
    static final Instant MONDAY_5AM = Instant.parse("2026-12-07T05:00:00Z");

    @TempDir
    Path dir;

    StagingSuite daily(Path folder) throws Exception {
        Files.createDirectories(folder);
        StagingSuite s = StagingFixture.suite("pkgdb-e2e", "mkdir -p out && echo '<testsuite name=\"e\"><testcase"
                + " classname=\"a\" name=\"b\"/></testsuite>' > out/r.xml", folder, Duration.ofMinutes(1));
        return new StagingSuite(s.name(), s.services(), s.command(), s.workdir(), s.env(), s.results(), s.timeout(),
                s.display(), s.environment(), "0 6 * * *", ZoneId.of("Europe/Paris"), s.origin());
    }

    static SuiteScheduler scheduler(StagingFixture fx, String owner) {
        return fx.app.suiteScheduler(fx.app.suiteRuns(SecretBox.NONE, ProcessLauncher.standard()), owner, Runnable::run);
    }

    @Test
    void a_suite_is_due_at_its_cron_time_in_its_zone_and_runs_once_per_occurrence_across_a_restart() throws Exception {
        try (StagingFixture fx = new StagingFixture(dir.resolve("store"), MONDAY_5AM.minusSeconds(3600))) {
            fx.app.suites(SecretBox.NONE).add(daily(dir.resolve("suite")));
            assertThat(fx.app.suites(SecretBox.NONE).nextDue("pkgdb-e2e")).as("06:00 in Paris is 05:00 UTC in winter")
                    .contains(MONDAY_5AM);
            assertThat(scheduler(fx, "a").tick()).as("not due yet").isEmpty();
        }
        try (StagingFixture fx = new StagingFixture(dir.resolve("store"), MONDAY_5AM.plus(Duration.ofDays(2)))) {
            SuiteScheduler restarted = scheduler(fx, "b");
            assertThat(restarted.tick()).as("two missed days run once").containsExactly("pkgdb-e2e");
            assertThat(restarted.tick()).isEmpty();
            assertThat(fx.app.suites(SecretBox.NONE).nextDue("pkgdb-e2e")).contains(MONDAY_5AM.plus(Duration.ofDays(3)));
            List<SuiteRun> runs = fx.app.suiteResults().runs(Optional.of("pkgdb-e2e"), 10);
            assertThat(runs).singleElement().satisfies(r -> {
                assertThat(r.trigger()).isEqualTo("schedule");
                assertThat(r.green()).as(r.message()).isTrue();
            });
        }
    }

    @Test
    void a_run_a_deployment_made_due_is_recorded_with_trigger_deployment_and_the_next_scheduled_one_with_schedule()
            throws Exception {
        try (StagingFixture fx = new StagingFixture(dir.resolve("store"), MONDAY_5AM.minusSeconds(3600))) {
            fx.app.suites(SecretBox.NONE).add(daily(dir.resolve("suite")));
            assertThat(fx.app.suites(SecretBox.NONE).deployed("pkgdb", "staging")).containsExactly("pkgdb-e2e");
            assertThat(scheduler(fx, "a").tick()).containsExactly("pkgdb-e2e");
            fx.clock.set(MONDAY_5AM.plusSeconds(1));
            assertThat(scheduler(fx, "a").tick()).as("then at its cron time").containsExactly("pkgdb-e2e");
            List<SuiteRun> runs = fx.app.suiteResults().runs(Optional.of("pkgdb-e2e"), 10);
            assertThat(runs).extracting(SuiteRun::trigger).as("newest first").containsExactly("schedule", "deployment");
        }
    }

    @Test
    void two_instances_on_one_postgresql_due_the_same_suite_at_once_run_it_once() throws Exception {
        String url = TestDatabases.newPostgresUrl();
        try (StagingFixture one = new StagingFixture(url, MONDAY_5AM.minusSeconds(60));
             StagingFixture two = new StagingFixture(url, MONDAY_5AM.minusSeconds(60))) {
            one.app.suites(SecretBox.NONE).add(daily(dir.resolve("suite")));
            one.clock.set(MONDAY_5AM.plusSeconds(1));
            two.clock.set(MONDAY_5AM.plusSeconds(1));
            for (int round = 0; round < 5; round++) {
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<List<String>>> ticks = new ArrayList<>();
                for (StagingFixture fx : List.of(one, two)) {
                    SuiteScheduler s = scheduler(fx, fx == one ? "one" : "two");
                    ticks.add(pool.submit(() -> {
                        go.await();
                        return s.tick();
                    }));
                }
                go.countDown();
                int taken = 0;
                for (Future<List<String>> f : ticks) {
                    taken += f.get().size();
                }
                pool.shutdown();
                assertThat(taken).as("round " + round).isEqualTo(1);
                one.clock.advance(Duration.ofDays(1));
                two.clock.advance(Duration.ofDays(1));
            }
            assertThat(one.app.suiteResults().runs(Optional.of("pkgdb-e2e"), 100)).hasSize(5);
        }
    }

    @Test
    void a_deployment_recorded_to_staging_makes_its_services_suites_due_now_and_two_instances_run_them_once()
            throws Exception {
        String url = TestDatabases.newPostgresUrl();
        Instant soon = Instant.now().plusSeconds(60);
        try (StagingFixture one = new StagingFixture(url, soon); StagingFixture two = new StagingFixture(url, soon)) {
            one.app.suites(SecretBox.NONE).add(daily(dir.resolve("suite")));
            StagingSuite s = StagingFixture.suite("bodhi-e2e", "true", dir.resolve("suite"), Duration.ofMinutes(1));
            one.app.suites(SecretBox.NONE).add(new StagingSuite(s.name(), List.of("bodhi"), s.command(), s.workdir(),
                    s.env(), s.results(), s.timeout(), s.display(), s.environment(), s.cron(), s.zone(), s.origin()));
            assertThat(scheduler(one, "a").tick()).as("nothing due before the deployment").isEmpty();

            java.io.StringWriter out = new java.io.StringWriter();
            int code = org.breakwater.cli.Main.run(new String[] {"record-deployment", "--service", "pkgdb", "--version",
                "2.0.1", "--env", "staging", "--db", url}, new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(new java.io.StringWriter(), true));
            assertThat(code).isZero();
            assertThat(out.toString()).contains("due now (serve runs them): pkgdb-e2e");
            assertThat(one.app.suites(SecretBox.NONE).nextDue("pkgdb-e2e").orElseThrow()).isBefore(soon);
            assertThat(one.app.suites(SecretBox.NONE).nextDue("bodhi-e2e").orElseThrow()).as("another service's suite")
                    .isAfter(soon);

            List<String> taken = new ArrayList<>(scheduler(one, "a").tick());
            taken.addAll(scheduler(two, "b").tick());
            assertThat(taken).as("one instance takes it, once").containsExactly("pkgdb-e2e");
            assertThat(one.app.suiteResults().runs(Optional.of("pkgdb-e2e"), 10)).singleElement()
                    .satisfies(r -> assertThat(r.trigger()).isEqualTo("deployment"));
            assertThat(one.app.suites(SecretBox.NONE).nextDue("pkgdb-e2e").orElseThrow()).as("back on its schedule")
                    .isAfter(soon);

            recordInProduction(url);
            assertThat(scheduler(two, "b").tick()).as("a deployment to production runs no staging suite").isEmpty();
        }
    }

    private static void recordInProduction(String url) {
        assertThat(org.breakwater.cli.Main.run(new String[] {"record-deployment", "--service", "pkgdb", "--version",
            "2.0.1", "--env", "production", "--db", url}, new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(new java.io.StringWriter(), true))).isZero();
    }
}

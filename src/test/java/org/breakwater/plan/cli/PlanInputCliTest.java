package org.breakwater.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.store.JdbiDeploymentRepository;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.cli.CliRun;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What enters plans from the command line is bounded as it is through the API (docs/plans.md,
 * "Limits"), and what an older version stored outside those bounds gives an answer, not exit 3.
 */
class PlanInputCliTest {
    static final Path CATALOG = Path.of("src/main/resources/demo/catalog");

    @TempDir
    Path dir;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    CliRun run(String... args) {
        return PlanCliContract.run(List.of("--data-dir", dir.resolve("data").toString()), args);
    }

    @BeforeEach
    void catalog() {
        assertThat(run("catalog", "import", CATALOG.toString()).code()).isZero();
        assertThat(run("record-deployment", "--service", "pkgdb", "--version", "1.9.2", "--env", "production", "--spec",
                CATALOG.resolve("apis/pkgdb/v1/pkgdb.yaml").toString(), "--at", now.minus(Duration.ofDays(60)).toString())
                .code()).isZero();
    }

    /** Runs {@code body} on the store directly, as an older version (without today's checks) would have. */
    void inStore(java.util.function.Consumer<App> body) {
        try (App app = App.open(new App.Settings(Optional.empty(), dir.resolve("data")), Clock.systemUTC())) {
            body.accept(app);
        }
    }

    long stored(String ticket) {
        long[] id = new long[1];
        inStore(app -> id[0] = new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb 2.0.0",
                List.of(new PlannedRelease("pkgdb", "2.0.0", app.catalog().release("pkgdb", "2.0.0")
                        .flatMap(r -> r.apiHash()))), "production", now.plus(Duration.ofDays(20)), Duration.ofHours(2),
                "pingou", Optional.ofNullable(ticket), PlanStatus.SCHEDULED, now)).id());
        return id[0];
    }

    @Test
    void plan_create_refuses_an_endless_duration_and_a_start_decades_away() {
        CliRun endless = run("plan", "create", "--release", "pkgdb=2.0.0", "--start", now.plus(Duration.ofDays(20)).toString(),
                "--duration", "99999999999d");
        assertThat(endless.code()).isEqualTo(2);
        assertThat(endless.err()).contains("longer than a deployment may last (14 days)");
        CliRun far = run("plan", "create", "--release", "pkgdb=2.0.0", "--start", "2090-01-01 15:00");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err()).contains("within 5 years");
        assertThat(run("plan", "list").out()).doesNotContain("pkgdb 2.0.0");
    }

    @Test
    void a_scheduled_plan_in_the_past_needs_force_and_is_warned_about_with_its_failed_gates() {
        String lastWeek = now.minus(Duration.ofDays(7)).toString();
        CliRun refused = run("plan", "create", "--release", "pkgdb=2.0.0", "--start", lastWeek, "--scheduled");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("is in the past").contains("--force");
        CliRun forced = run("plan", "create", "--release", "pkgdb=2.0.0", "--start", lastWeek, "--scheduled", "--force");
        assertThat(forced.code()).isZero();
        assertThat(forced.err()).contains("warning: the start").contains("is in the past")
                .contains("warning: gate api-break-notice has failed already");
    }

    @Test
    void the_readmes_example_makes_a_plan_with_no_gate_failed() {
        CliRun made = run("plan", "create", "--release", "pkgdb=2.0.0", "--release", "fas=0.8.19", "--start",
                now.plus(Duration.ofDays(21)).toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.err()).doesNotContain("warning");
    }

    @Test
    void gate_record_refuses_evidence_dated_in_the_future() {
        long id = stored(null);
        CliRun future = run("gate", "record", Long.toString(id), "staging-green", "--evidence", "rube run", "--at",
                "2099-01-01 00:00");
        assertThat(future.code()).isEqualTo(2);
        assertThat(future.err()).contains("evidence cannot come from the future");
    }

    @Test
    void a_version_that_does_not_parse_is_refused_by_can_deploy_plan_create_and_record_deployment() {
        CliRun asked = run("can-deploy", "--service", "pkgdb", "--version", "three");
        assertThat(asked.code()).isEqualTo(2);
        assertThat(asked.err()).contains("'three' is not a version").contains("2.0.0, v0.8.19, 2.0.0-rc3");
        CliRun planned = run("plan", "create", "--release", "pkgdb=three", "--start", now.plus(Duration.ofDays(20)).toString());
        assertThat(planned.code()).isEqualTo(2);
        assertThat(planned.err()).contains("'three' is not a version");
        CliRun recorded = run("record-deployment", "--service", "pkgdb", "--version", "three", "--env", "staging");
        assertThat(recorded.code()).isEqualTo(2);
        assertThat(recorded.err()).contains("'three' is not a version");
    }

    @Test
    void can_deploy_answers_no_with_the_reason_when_a_stored_description_is_damaged() {
        inStore(app -> new JdbiDeploymentRepository(app.database().jdbi()).record(new NewDeployment("pkgdb", "2.0.0",
                "staging", now.minus(Duration.ofDays(2)), "pingou", Optional.empty()), Optional.of(ApiDescription.of(
                "../evil.yaml", Map.of("../evil.yaml", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\n"))), now));
        CliRun asked = run("can-deploy", "--service", "pkgdb", "--version", "2.0.0");
        assertThat(asked.code()).as(asked.out() + asked.err()).isEqualTo(1);
        assertThat(asked.out()).contains("stored API description is damaged").contains("leaves the description's folder");
        assertThat(run("plan", "show", Long.toString(stored(null))).code()).isZero();
    }

    @Test
    void plan_feed_leaves_out_a_stored_ticket_with_a_space_and_says_so() {
        long id = stored("https://tickets.example/4 2");
        CliRun feed = run("plan", "feed");
        assertThat(feed.code()).as(feed.err()).isZero();
        assertThat(feed.out()).contains("UID:plan-" + id + "@breakwater").doesNotContain("URL:");
        assertThat(feed.err()).contains("warning: plan " + id + ": its ticket is left out of the feed");
    }
}

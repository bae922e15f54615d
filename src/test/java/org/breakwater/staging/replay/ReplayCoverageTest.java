package org.breakwater.staging.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyReader;
import org.breakwater.staging.Coverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays feed coverage: the operations whose calls the candidate answered count as exercised in
 * the candidate environment on the plan page's staging section, the coverage page, the API and
 * the CLI; and prune forgets old replays.
 */
class ReplayCoverageTest {
    static final String REPLAYED = "GET /packages/name/{}";

    @TempDir
    Path dir;

    final ReplayHttpTest servers = new ReplayHttpTest();
    final Policy policy = PolicyReader.defaults();
    App app;
    Plan plan;

    @BeforeEach
    void start() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        URI baseline = servers.serve(ReplayHttpTest.json("{\"acls\":[{\"branch\":\"devel\"}]}", hits));
        URI candidate = servers.serve(ReplayHttpTest.json("{\"acls\":[{\"branch\":\"master\"}]}", hits));
        URI production = servers.serve(ReplayHttpTest.json("{}", hits));
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("store")), Clock.systemUTC());
        Instant now = Instant.now();
        plan = new ReplayFixture(app, dir, now, policy, candidate, baseline, production).plan;
        String log = ReplayFixture.line("10.5.126.20", now.minusSeconds(60), "GET /pkgdb/collections", 200, "bodhi/0.9.12");
        app.traffic().ingest("pkgdb", "production", org.breakwater.traffic.parse.LogFormat.combined(), List.of(
                new org.breakwater.traffic.TrafficService.Input("log2", () -> new java.io.ByteArrayInputStream(
                        log.getBytes(java.nio.charset.StandardCharsets.UTF_8)))), List.of(new org.breakwater.traffic
                .CallerRule("bodhi-pkgdb-client", org.breakwater.traffic.CallerRule.Kind.USER_AGENT, "^bodhi/",
                Optional.empty())), a -> Optional.empty());
    }

    @AfterEach
    void stop() {
        servers.stop();
        app.close();
    }

    List<String> untested() {
        PlanReport r = ((Outcome.Done<PlanReport>) app.plans(policy).report(plan.id())).value();
        return app.suiteCoverage().untested(r, "staging", 30).stream()
                .map(u -> org.breakwater.apidiff.spec.Operation.keyOf(u.operation())).toList();
    }

    void replay() {
        app.replays().replay(plan, Optional.empty(), ReplayLimits.defaults().withRate(1000), Set.of());
    }

    @Test
    void an_operation_the_replay_sent_and_the_candidate_answered_is_no_longer_listed_as_untested_on_the_plan() {
        assertThat(untested()).as("nothing exercised it yet").contains(REPLAYED);
        replay();
        assertThat(untested()).doesNotContain(REPLAYED).isNotEmpty();
    }

    @Test
    void the_replays_coverage_shows_on_the_coverage_page_the_api_and_the_cli() throws Exception {
        assertThat(app.suiteCoverage().replay("pkgdb", "staging", 30)).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).startsWith("no replay against staging sent calls of pkgdb"));
        replay();
        Coverage c = ((Outcome.Done<Coverage>) app.suiteCoverage().replay("pkgdb", "staging", 30)).value();
        assertThat(c.version()).contains("2.0.0");
        assertThat(c.operations()).filteredOn(Coverage.Operation::exercised).singleElement().satisfies(o -> {
            assertThat(o.operation()).isEqualTo("GET /collections");
            assertThat(o.calls()).isEqualTo(1);
            assertThat(o.callers()).containsExactly("breakwater-replay");
        });
        assertThat(c.elsewhere()).as("2.0 no longer describes it, and still answered the calls").singleElement()
                .satisfies(o -> assertThat(o.operation() + " " + o.calls()).isEqualTo(REPLAYED + " 20"));
        assertThat(c.callers().rule()).isEqualTo("replay");
        try (org.breakwater.web.WebServer server = org.breakwater.web.WebServer.start(app, policy, "127.0.0.1", 0)) {
            var page = ReplayServiceTest.get(server.port(), "/staging/coverage/pkgdb");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h2>Replay of production's calls</h2>").contains("by replay, ");
            var api = ReplayServiceTest.get(server.port(), "/api/v1/services/pkgdb/coverage?replay=true&days=7");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("breakwater-replay").contains("\"identify\":\"replay\"");
            var plansPage = ReplayServiceTest.get(server.port(), "/plans/" + plan.id());
            assertThat(plansPage.body()).contains("or sent there by a replay of production");
        }
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.breakwater.cli.Main.run(new String[] {"staging", "coverage", "--service", "pkgdb", "--replay",
            "--data-dir", dir.resolve("store").toString()}, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("operations exercised").contains("by replay");
    }

    @Test
    void prune_forgets_replays_started_before_the_retention_with_their_differences_but_keeps_each_plans_newest_twenty() {
        replay();
        var repo = new org.breakwater.staging.replay.store.JdbiReplayRepository(app.database().jdbi());
        ReplayRun now = app.replays().latestRun(plan.id()).orElseThrow();
        for (int i = 0; i < 22; i++) {
            Instant longAgo = Instant.now().minus(java.time.Duration.ofDays(800 + i));
            repo.save(new ReplayRun(0, plan.id(), longAgo, longAgo.plusSeconds(5), "staging", List.of("staging-baseline"),
                    List.of("pkgdb 2.0.0"), 20, 20, 0, false, List.of(), now.groups(), now.exercised()));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.breakwater.cli.Main.run(new String[] {"prune", "--data-dir", dir.resolve("store").toString()},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("3 replays with " + 3 * now.groups().size()
                + " differences (kept each plan's newest 20)");
        assertThat(app.replays().runs(plan.id())).hasSize(20).first().extracting(ReplayRun::id).isEqualTo(now.id());
    }
}

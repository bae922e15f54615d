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
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's sampled production calls replayed against real local servers standing in for pkgdb
 * 1.9 (the baseline) and 2.0 (the candidate): the differences named per caller, stored, never a
 * call to production, and the staging-replay gate following the runs and acknowledgements.
 */
class ReplayServiceTest {
    @TempDir
    Path dir;

    final ReplayHttpTest servers = new ReplayHttpTest();
    final AtomicInteger productionHits = new AtomicInteger();
    final AtomicInteger stagingHits = new AtomicInteger();
    final Instant now = Instant.now();
    App app;
    Plan plan;
    Policy policy;

    @BeforeEach
    void start() throws Exception {
        URI baseline = servers.serve(ReplayHttpTest.json("{\"name\":\"guake\",\"acls\":[{\"branch\":\"devel\"}]}", stagingHits));
        URI candidate = servers.serve(ReplayHttpTest.json("{\"name\":\"guake\",\"acls\":[{\"branch\":\"master\"}]}",
                stagingHits));
        URI production = servers.serve(ReplayHttpTest.json("{}", productionHits));
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("store")), Clock.systemUTC());
        policy = PolicyReader.defaults(); // staging.replay: true
        plan = new ReplayFixture(app, dir, now, policy, candidate, baseline, production).plan;
    }

    @AfterEach
    void stop() {
        servers.stop();
        app.close();
    }

    Gate gate() {
        PlanReport r = ((Outcome.Done<PlanReport>) app.plans(policy).report(plan.id())).value();
        return r.gates().stream().filter(g -> g.id().equals("staging-replay")).findFirst().orElseThrow();
    }

    ReplayLimits limits() {
        return ReplayLimits.defaults().withRate(1000);
    }

    @Test
    void a_replay_names_the_callers_whose_calls_differ_and_the_gate_follows_until_each_is_acknowledged() throws Exception {
        assertThat(gate().state()).isEqualTo(GateState.PENDING);
        assertThat(gate().detail()).contains("no replay yet");
        ReplayRun run = ((Outcome.Done<ReplayRun>) app.replays().replay(plan, Optional.empty(), limits(), Set.of())).value();
        assertThat(run.candidate()).isEqualTo("staging");
        assertThat(run.baselines()).containsExactly("staging-baseline");
        assertThat(run.versions()).containsExactly("pkgdb 2.0.0");
        assertThat(run.calls()).isEqualTo(20); // the reservoir's bound of 30 calls
        assertThat(run.differing()).isEqualTo(20);
        assertThat(run.skipped()).containsExactly("pkgdb POST /acls/dispatcher/toggle_acl");
        assertThat(run.real()).singleElement().satisfies(g -> assertThat(g.byCaller()).containsExactly(
                "bodhi-pkgdb-client: 20 sampled calls to GET /packages/name/{}: `$.acls[*].branch` value changed:"
                        + " was `devel`, is `master`"));
        assertThat(run.real().get(0).example()).isEqualTo("/pkgdb/packages/name/guake");
        assertThat(productionHits).hasValue(0);
        assertThat(stagingHits).hasValue(40);
        assertThat(gate().state()).isEqualTo(GateState.PENDING);
        assertThat(gate().detail()).contains("1 difference(s) not explained").contains("`$.acls[*].branch` value changed");
        String key = run.real().get(0).key();
        assertThat(app.replays().acknowledge(plan.id(), "nosuch", "pingou", "expected")).isInstanceOf(Outcome.Refused.class);
        assertThat(app.replays().acknowledge(plan.id(), key, "pingou", "")).isInstanceOf(Outcome.Refused.class);
        assertThat(app.replays().acknowledge(plan.id(), key, "pingou", "devel is master in pkgdb2; bodhi 2 reads both"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(gate().state()).isEqualTo(GateState.MET);
        assertThat(gate().detail()).contains("20 sampled calls replayed against pkgdb 2.0.0");
    }

    @Test
    void a_production_environment_is_never_called() throws Exception {
        assertThat(app.replays().replay(plan, Optional.of("production"), limits(), Set.of()))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason())
                        .isEqualTo("replay never calls production, and production is marked production"));
        assertThat(app.replays().replay(plan, Optional.of("moon"), limits(), Set.of())).isInstanceOf(Outcome.Refused.class);
        assertThat(app.replays().replay(plan, Optional.empty(), limits(), Set.of("not-a-path")))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(productionHits).hasValue(0);
        assertThat(stagingHits).hasValue(0);
        assertThat(app.replays().latestRun(plan.id())).isEmpty();
    }

    record Ran(int code, String out, String err) {
    }

    Ran cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("store").toString()));
        int code = org.breakwater.cli.Main.run(all.toArray(String[]::new), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true));
        return new Ran(code, out.toString(), err.toString());
    }

    @Test
    void the_cli_replays_shows_acknowledges_and_exits_1_while_a_difference_is_unexplained() {
        String id = Long.toString(plan.id());
        Ran none = cli("staging", "replay", id, "--show");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("has no replay yet");
        Ran ran = cli("staging", "replay", id, "--rate", "1000");
        assertThat(ran.code()).as(ran.err()).isEqualTo(1);
        assertThat(ran.out()).contains("20 sampled production calls to staging (pkgdb 2.0.0) and staging-baseline")
                .contains("Not sent (not GET or HEAD, no --allow): pkgdb POST /acls/dispatcher/toggle_acl")
                .contains("Consumers whose real calls differ:")
                .contains("  bodhi-pkgdb-client: 20 sampled calls to GET /packages/name/{}: `$.acls[*].branch` value changed:"
                        + " was `devel`, is `master`");
        Ran json = cli("staging", "replay", id, "--show", "--json");
        assertThat(json.out()).contains("\"kind\" : \"value-changed\"").contains("\"caller\" : \"bodhi-pkgdb-client\"");
        String key = app.replays().latestRun(plan.id()).orElseThrow().real().get(0).key();
        assertThat(cli("staging", "replay", id, "--acknowledge", key).code()).isEqualTo(2);
        assertThat(cli("staging", "replay", id, "--acknowledge", key, "--by", "pingou", "--note", "expected").code())
                .isEqualTo(0);
        Ran shown = cli("staging", "replay", id, "--show");
        assertThat(shown.code()).isEqualTo(0);
        assertThat(shown.out()).contains("(acknowledged by pingou: expected)");
        assertThat(cli("staging", "replay", id, "--rate", "0").code()).isEqualTo(2);
        assertThat(cli("staging", "replay", "999", "--show").err()).contains("no plan 999");
        assertThat(productionHits).hasValue(0);
    }

    static java.net.http.HttpResponse<String> get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_replay_page_the_plan_page_and_the_api_show_the_report() throws Exception {
        try (org.breakwater.web.WebServer server = org.breakwater.web.WebServer.start(app, policy, "127.0.0.1", 0)) {
            int port = server.port();
            String path = "/plans/" + plan.id() + "/replay";
            assertThat(get(port, path).body()).contains("No replay yet.");
            assertThat(get(port, "/api/v1" + path).statusCode()).isEqualTo(404);
            var post = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1" + path)).POST(
                    java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as("a replay needs an API token").isEqualTo(401);
            app.replays().replay(plan, Optional.empty(), limits(), Set.of());
            var page = get(port, path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("20 sampled production calls sent to staging (pkgdb 2.0.0)")
                    .contains("pkgdb GET /packages/name/{}")
                    .contains("bodhi-pkgdb-client: 20 sampled calls to GET /packages/name/{}: `$.acls[*].branch` value"
                            + " changed: was `devel`, is `master`");
            assertThat(get(port, "/plans/" + plan.id()).body()).contains("Replay of production's calls")
                    .contains("href=\"/plans/" + plan.id() + "/replay\"");
            var api = get(port, "/api/v1" + path);
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"path\":\"$.acls[*].branch\"");
        }
    }
}

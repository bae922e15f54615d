package org.breakwater.staging.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Plan;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's faults of a replay target, through a whole replay (service, engine, HTTP, store)
 * against real local servers: a slow candidate, 10 MB bodies, a redirect to another host. Each
 * run is stored and says what happened; none fails the replay or reaches production.
 */
class ReplayFaultsTest {
    @TempDir
    Path dir;

    final ReplayHttpTest servers = new ReplayHttpTest();
    final AtomicInteger productionHits = new AtomicInteger();
    App app;

    @AfterEach
    void stop() {
        servers.stop();
        if (app != null) {
            app.close();
        }
    }

    ReplayRun replay(URI candidate, URI baseline, ReplayLimits limits) throws Exception {
        URI production = servers.serve(ReplayHttpTest.json("{}", productionHits));
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("store")), Clock.systemUTC());
        Plan plan = new ReplayFixture(app, dir, Instant.now(), PolicyReader.defaults(), candidate, baseline, production).plan;
        ReplayRun run = ((Outcome.Done<ReplayRun>) app.replays().replay(plan, Optional.empty(), limits, Set.of())).value();
        assertThat(app.replays().latestRun(plan.id())).map(ReplayRun::id).contains(run.id());
        assertThat(productionHits).hasValue(0);
        return run;
    }

    /** A JSON body of about {@code bytes} bytes whose last field is {@code branch}. */
    static byte[] big(int bytes, String branch) {
        StringBuilder b = new StringBuilder(bytes + 64).append("{\"names\":[");
        while (b.length() < bytes - 40) {
            b.append("\"guake-0123456789\",");
        }
        return b.append("\"end\"],\"branch\":\"").append(branch).append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_candidate_answering_too_slowly_leaves_each_call_unanswered_at_the_timeout_and_the_run_is_kept()
            throws Exception {
        URI baseline = servers.serve(ReplayHttpTest.json("{\"branch\":\"devel\"}", new AtomicInteger()));
        URI slow = servers.serve(x -> {
            try {
                servers.release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ReplayHttpTest.send(x, 200, "application/json", "{}".getBytes());
        });
        ReplayRun run = replay(slow, baseline, ReplayLimits.defaults().withRate(1000).withTimeout(Duration.ofMillis(300))
                .withCalls(4));
        assertThat(run.calls()).isEqualTo(4);
        assertThat(run.unanswered()).isEqualTo(4);
        assertThat(run.real()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Difference.Kind.NO_ANSWER);
            assertThat(g.is()).isEqualTo("timed out after 300 ms");
        });
        assertThat(run.exercised()).isEmpty();
    }

    @Test
    void ten_megabyte_bodies_are_compared_whole_and_only_the_calls_answered_count_as_exercised() throws Exception {
        byte[] devel = big(ReplayLimits.BODY_LIMIT - 1024, "devel");
        byte[] master = big(ReplayLimits.BODY_LIMIT - 1024, "master");
        URI baseline = servers.serve(x -> ReplayHttpTest.send(x, 200, "application/json", devel));
        URI candidate = servers.serve(x -> ReplayHttpTest.send(x, 200, "application/json", master));
        ReplayRun run = replay(candidate, baseline, ReplayLimits.defaults().withRate(1000).withCalls(2));
        assertThat(run.real()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Difference.Kind.VALUE_CHANGED);
            assertThat(g.path()).isEqualTo("$.branch");
            assertThat(g.calls()).isEqualTo(2);
        });
        assertThat(run.exercised()).containsExactly(new ReplayRun.Exercised("pkgdb", "GET /packages/name/{}", 2));
    }

    @Test
    void bodies_past_the_ten_megabyte_limit_are_cut_and_compared_by_what_was_kept() throws Exception {
        byte[] huge = big(ReplayLimits.BODY_LIMIT + 2_000_000, "devel");
        byte[] other = huge.clone();
        other[20] = 'X'; // a change in the kept part
        URI baseline = servers.serve(x -> ReplayHttpTest.send(x, 200, "application/json", huge));
        URI candidate = servers.serve(x -> ReplayHttpTest.send(x, 200, "application/json", other));
        ReplayRun run = replay(candidate, baseline, ReplayLimits.defaults().withRate(1000).withCalls(2));
        assertThat(run.real()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Difference.Kind.BODY_CHANGED);
            assertThat(g.was()).isEqualTo(ReplayLimits.BODY_LIMIT + " bytes (cut)");
            assertThat(g.is()).isEqualTo(ReplayLimits.BODY_LIMIT + " bytes (cut)");
        });
        assertThat(run.unanswered()).isZero();
    }

    @Test
    void a_candidate_redirecting_to_another_host_is_compared_as_it_answered_and_the_other_host_never_called()
            throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        URI other = servers.serve(ReplayHttpTest.json("{\"branch\":\"devel\"}", elsewhere));
        URI baseline = servers.serve(ReplayHttpTest.json("{\"branch\":\"devel\"}", new AtomicInteger()));
        URI candidate = servers.serve(x -> {
            x.getResponseHeaders().add("Location", "http://localhost:" + other.getPort() + x.getRequestURI());
            ReplayHttpTest.send(x, 302, null, new byte[0]);
        });
        ReplayRun run = replay(candidate, baseline, ReplayLimits.defaults().withRate(1000).withCalls(3));
        assertThat(run.real()).extracting(g -> g.kind() + " " + g.was() + " " + g.is()).contains("STATUS 200 302");
        assertThat(elsewhere).as("a redirect off the environment's host is never followed").hasValue(0);
    }
}

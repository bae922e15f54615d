package org.breakwater.staging.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replay's outbound HTTP against real local servers: faults, limits and safety. */
class ReplayHttpTest {
    final List<HttpServer> servers = new ArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        servers.forEach(s -> s.stop(0));
    }

    URI serve(HttpHandler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", handler);
        s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        s.start();
        servers.add(s);
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
    }

    static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    static HttpHandler json(String body, AtomicInteger hits) {
        return x -> {
            hits.incrementAndGet();
            send(x, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        };
    }

    final ReplayLimits limits = ReplayLimits.defaults().withTimeout(Duration.ofMillis(500)).withRate(1000);

    @Test
    void a_target_that_refuses_connections_is_an_unanswered_call_not_a_crash() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Answer a = new HttpFetcher(limits).fetch(URI.create("http://127.0.0.1:" + port), "GET", "/acls");
        assertThat(a.failure()).contains("connection refused");
    }

    @Test
    void a_slow_target_times_out_at_the_replay_timeout() throws Exception {
        URI slow = serve(x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(x, 200, "application/json", "{}".getBytes());
        });
        assertThat(new HttpFetcher(limits).fetch(slow, "GET", "/acls").failure()).contains("timed out after 500 ms");
    }

    @Test
    void a_body_over_the_limit_is_cut_at_the_limit() throws Exception {
        byte[] huge = new byte[ReplayLimits.BODY_LIMIT + 1_000_000];
        java.util.Arrays.fill(huge, (byte) 'x');
        URI big = serve(x -> send(x, 200, "text/plain", huge));
        Answer a = new HttpFetcher(ReplayLimits.defaults()).fetch(big, "GET", "/big");
        assertThat(a.cut()).isTrue();
        assertThat(a.body()).hasSize(ReplayLimits.BODY_LIMIT);
        Answer small = new HttpFetcher(ReplayLimits.defaults().withBody(100)).fetch(big, "GET", "/big");
        assertThat(small.body()).hasSize(100);
    }

    @Test
    void a_redirect_is_followed_on_the_environments_host_and_never_off_it() throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        URI other = serve(json("{\"from\":\"elsewhere\"}", elsewhere));
        URI offHost = URI.create("http://localhost:" + other.getPort() + "/stolen"); // another host name
        URI env = serve(x -> {
            String path = x.getRequestURI().getPath();
            if (path.equals("/moved")) {
                x.getResponseHeaders().add("Location", "/here");
                send(x, 302, null, new byte[0]);
            } else if (path.equals("/away")) {
                x.getResponseHeaders().add("Location", offHost.toString());
                send(x, 302, null, new byte[0]);
            } else {
                send(x, 200, "application/json", "{\"at\":\"here\"}".getBytes());
            }
        });
        HttpFetcher fetcher = new HttpFetcher(limits);
        Answer followed = fetcher.fetch(env, "GET", "/moved");
        assertThat(followed.status()).isEqualTo(200);
        assertThat(new String(followed.body(), StandardCharsets.UTF_8)).isEqualTo("{\"at\":\"here\"}");
        Answer kept = fetcher.fetch(env, "GET", "/away");
        assertThat(kept.status()).isEqualTo(302);
        assertThat(elsewhere).hasValue(0);
    }

    @Test
    void only_safe_calls_are_sent_and_the_differences_come_out_grouped_with_noise_learned_from_two_baselines()
            throws Exception {
        AtomicInteger hits = new AtomicInteger();
        URI baseline = serve(json("{\"branch\":\"devel\",\"at\":1}", hits));
        URI baseline2 = serve(json("{\"branch\":\"devel\",\"at\":2}", hits));
        URI candidate = serve(json("{\"branch\":\"master\",\"at\":3}", hits));
        List<ReplayCall> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(new ReplayCall("pkgdb", "GET /acls/name/{}", "bodhi-pkgdb-client", true, "GET", "/acls/name/p" + i, 1));
        }
        calls.add(new ReplayCall("pkgdb", "POST /acls", "bodhi-pkgdb-client", true, "POST", "/acls", 1));
        ReplayTally tally = new ReplayTally(new Noise());
        new ReplayEngine(new HttpFetcher(limits), limits).run(calls,
                s -> new ReplayEngine.Endpoints(candidate, List.of(baseline, baseline2)), tally);
        assertThat(hits).hasValue(30);
        assertThat(tally.counts()).satisfies(c -> {
            assertThat(c.calls()).isEqualTo(10);
            assertThat(c.differing()).isEqualTo(10);
            assertThat(c.skipped()).containsExactly("pkgdb POST /acls");
        });
        List<DifferenceGroup> groups = tally.groups();
        assertThat(groups).extracting(g -> g.path() + " " + g.noise()).containsExactly("$.branch false", "$.at true");
        assertThat(groups.get(0).byCaller()).containsExactly("bodhi-pkgdb-client: 10 sampled calls to GET /acls/name/{}:"
                + " `$.branch` value changed: was `devel`, is `master`");
    }

    @Test
    void the_total_cap_stops_the_replay_and_an_allow_rule_permits_an_unsafe_operation() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        URI env = serve(json("{}", hits));
        List<ReplayCall> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(new ReplayCall("pkgdb", "POST /search", "c", true, "POST", "/search?q=" + i, 1));
        }
        ReplayTally tally = new ReplayTally(new Noise());
        ReplayLimits capped = limits.withCalls(4).withAllowed(Set.of("POST /search"));
        new ReplayEngine(new HttpFetcher(capped), capped).run(calls, s -> new ReplayEngine.Endpoints(env, List.of(env)), tally);
        assertThat(hits).hasValue(8);
        assertThat(tally.counts().capped()).isTrue();
        assertThat(tally.counts().calls()).isEqualTo(4);
    }
}

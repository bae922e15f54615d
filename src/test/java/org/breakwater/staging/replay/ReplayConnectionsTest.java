package org.breakwater.staging.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replay's connections to a real local server: answers read to their end (2xx and 4xx alike)
 * leave their connection open for the next call, so a replay does not connect once per call;
 * a body cut at the limit closes its connection (the rest is never read).
 */
class ReplayConnectionsTest {
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    final List<String> paths = new ArrayList<>();
    final List<String> methods = java.util.Collections.synchronizedList(new ArrayList<>());
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            clientPorts.add(x.getRemoteAddress().getPort());
            methods.add(x.getRequestMethod());
            String path = x.getRequestURI().getPath();
            if (path.startsWith("/moved")) {
                x.getResponseHeaders().add("Location", "/x/moved-here");
                x.sendResponseHeaders(308, -1);
                x.close();
                return;
            }
            byte[] body = path.startsWith("/big") ? new byte[5000]
                    : ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(path.startsWith("/gone") ? 404 : 200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void a_replay_reuses_its_connections_for_answers_and_error_answers_alike() throws Exception {
        URI env = serve();
        List<ReplayCall> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(new ReplayCall("pkgdb", "GET /x/{}", "c", true, "GET", (i % 3 == 0 ? "/gone/" : "/x/") + i, 1));
        }
        ReplayLimits limits = ReplayLimits.defaults().withConcurrency(4).withRate(100_000).withCalls(200)
                .withTimeout(Duration.ofSeconds(10));
        ReplayTally tally = new ReplayTally(new Noise());
        new ReplayEngine(new HttpFetcher(limits), limits).run(calls, s -> new ReplayEngine.Endpoints(env, List.of(env)), tally);
        assertThat(tally.counts().calls()).isEqualTo(200);
        assertThat(tally.counts().unanswered()).isZero();
        assertThat(clientPorts).as("400 requests, at most 4 in flight: one connection each").hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void an_allowed_unsafe_call_is_sent_once_even_when_its_kept_alive_connection_was_closed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> rawServer(listening, posts));
            t.setDaemon(true);
            t.start();
            URI env = URI.create("http://127.0.0.1:" + listening.getLocalPort());
            HttpFetcher fetcher = new HttpFetcher(ReplayLimits.defaults().withTimeout(Duration.ofSeconds(5)));
            assertThat(fetcher.fetch(env, "GET", "/warm").status()).isEqualTo(200);
            Answer post = fetcher.fetch(env, "POST", "/search?q=x"); // the kept-alive connection closes on it
            assertThat(post.failure()).isPresent();
            assertThat(posts).as("a POST is never sent again on its own").hasValue(1);
        }
    }

    /** Answers the first request of each connection, then closes the connection on the next one unanswered. */
    private static void rawServer(java.net.ServerSocket listening, java.util.concurrent.atomic.AtomicInteger posts) {
        try {
            while (true) {
                java.net.Socket s = listening.accept();
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        StandardCharsets.US_ASCII));
                for (int request = 0; ; request++) {
                    String line = in.readLine();
                    if (line == null) {
                        break;
                    }
                    if (line.startsWith("POST")) {
                        posts.incrementAndGet();
                    }
                    while (!in.readLine().isEmpty()) {
                        // the rest of the head
                    }
                    if (request > 0) {
                        break; // closed on the kept-alive connection's second request
                    }
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII));
                }
                s.close();
            }
        } catch (IOException e) {
            // the test is over
        }
    }

    @Test
    void an_allowed_patch_reaches_staging_once_as_a_patch_and_is_answered_redirected_and_cut_like_any_call()
            throws Exception {
        URI env = serve();
        ReplayLimits limits = ReplayLimits.defaults().withRate(100_000).withTimeout(Duration.ofSeconds(10));
        limits = new ReplayLimits(limits.concurrency(), limits.ratePerSecond(), limits.timeout(), limits.maxCalls(),
                limits.maxBodyBytes(), Set.of("PATCH /x/{}"));
        List<ReplayCall> calls = List.of(new ReplayCall("pkgdb", "PATCH /x/{}", "c", true, "PATCH", "/x/1", 1));
        ReplayTally tally = new ReplayTally(new Noise());
        new ReplayEngine(new HttpFetcher(limits), limits).run(calls, x -> new ReplayEngine.Endpoints(env, List.of(env)),
                tally);
        assertThat(tally.counts().calls()).isEqualTo(1);
        assertThat(tally.counts().unanswered()).as("answered, not 'unanswered: Invalid HTTP method'").isZero();
        assertThat(methods).as("once to the candidate, once to the baseline, each a real PATCH")
                .containsExactly("PATCH", "PATCH");

        methods.clear();
        HttpFetcher fetcher = new HttpFetcher(ReplayLimits.defaults().withBody(100));
        Answer patched = fetcher.fetch(env, "PATCH", "/x/2?q=1");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.contentType()).isEqualTo("application/json");
        assertThat(new String(patched.body(), StandardCharsets.UTF_8)).isEqualTo("{\"path\":\"/x/2\"}");
        Answer moved = fetcher.fetch(env, "PATCH", "/moved");
        assertThat(new String(moved.body(), StandardCharsets.UTF_8)).as("a redirect on the same origin is followed")
                .isEqualTo("{\"path\":\"/x/moved-here\"}");
        Answer cut = fetcher.fetch(env, "PATCH", "/big");
        assertThat(cut.cut()).isTrue();
        assertThat(cut.body()).hasSize(100);
        assertThat(methods).containsExactly("PATCH", "PATCH", "PATCH", "PATCH");
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            URI nobody = URI.create("http://127.0.0.1:" + closed.getLocalPort());
            closed.close();
            assertThat(fetcher.fetch(nobody, "PATCH", "/x").failure()).contains("connection refused");
        }
    }

    @Test
    void a_base_url_that_is_not_http_is_an_unanswered_call_with_the_reason_not_a_crash() {
        Answer a = new HttpFetcher(ReplayLimits.defaults()).fetch(URI.create("ftp://127.0.0.1"), "GET", "/pub");
        assertThat(a.failure()).contains("not a valid request: not an http or https URL: ftp://127.0.0.1/pub");
    }

    @Test
    void a_body_cut_at_the_limit_closes_its_connection_and_the_next_call_connects_again() throws Exception {
        URI env = serve();
        HttpFetcher fetcher = new HttpFetcher(ReplayLimits.defaults().withBody(100));
        Answer cut = fetcher.fetch(env, "GET", "/big");
        assertThat(cut.cut()).isTrue();
        assertThat(cut.body()).hasSize(100);
        Answer whole = fetcher.fetch(env, "GET", "/small");
        assertThat(new String(whole.body(), StandardCharsets.UTF_8)).isEqualTo("{\"path\":\"/small\"}");
        assertThat(whole.cut()).isFalse();
        assertThat(clientPorts).hasSize(2);
    }
}

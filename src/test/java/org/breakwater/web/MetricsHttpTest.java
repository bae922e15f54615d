package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.breakwater.App;
import org.breakwater.MovableClock;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.announce.Templates;
import org.breakwater.announce.mail.MailSettings;
import org.breakwater.announce.mail.SmtpCourier;
import org.breakwater.announce.store.JdbiAnnounceRepository;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.Follower;
import org.breakwater.traffic.store.JdbiTrafficRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} scraped from a real server on a random port, over the demo catalog in an
 * SQLite store, delivering mail to an SMTP port nobody listens on.
 */
class MetricsHttpTest {
    static final String FROM = "breakwater@fedoraproject.org";

    @TempDir
    static Path dir;

    static final MovableClock CLOCK = new MovableClock();
    static App app;
    static WebServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Moves the clock past the store gauges' cache, so the next scrape reads the store again. */
    static void passCache() {
        CLOCK.ahead = CLOCK.ahead.plus(StoreGauges.FRESH).plusSeconds(1);
    }

    @BeforeAll
    static void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), CLOCK);
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        SmtpCourier smtp = new SmtpCourier(new MailSettings("127.0.0.1", closed, "none", Optional.empty(),
                Optional.empty(), FROM, Duration.ofSeconds(5)));
        WebSettings settings = new WebSettings(false, false, Optional.empty(), Optional.empty(),
                new WebSettings.Mail(Templates.defaults(), FROM, Optional.of(smtp)));
        server = WebServer.start(app, PolicyReader.defaults(), app.access(), settings, "127.0.0.1", 0,
                new PrintWriter(new StringWriter(), true));
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return get(server, path);
    }

    static HttpResponse<String> get(WebServer on, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every sample of a scrape, by its name and labels as written ({@code name{a="x",b="y"}}). */
    static Map<String, Double> scrape() throws Exception {
        return scrape(server);
    }

    static Map<String, Double> scrape(WebServer on) throws Exception {
        HttpResponse<String> r = get(on, "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new TreeMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int cut = line.lastIndexOf(' ');
            samples.put(line.substring(0, cut), Double.parseDouble(line.substring(cut + 1)));
        }
        return samples;
    }

    static double value(Map<String, Double> samples, String series) {
        return samples.getOrDefault(series, 0.0);
    }

    @Test
    void requests_are_counted_and_timed_under_their_route_template_not_their_path() throws Exception {
        String ok = "{method=\"GET\",route=\"/api/v1/services/{name}\",status=\"200\"}";
        String missing = "{method=\"GET\",route=\"/api/v1/services/{name}\",status=\"404\"}";
        Map<String, Double> before = scrape();
        assertThat(get("/api/v1/services/pkgdb").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/services/bodhi").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/services/no-such-service").statusCode()).isEqualTo(404);
        assertThat(get("/no/such/page/42").statusCode()).isEqualTo(404);
        Map<String, Double> after = scrape();

        assertThat(value(after, "breakwater_http_requests_total" + ok) - value(before, "breakwater_http_requests_total" + ok))
                .isEqualTo(2.0);
        assertThat(value(after, "breakwater_http_requests_total" + missing)
                - value(before, "breakwater_http_requests_total" + missing)).isEqualTo(1.0);
        String timed = "{method=\"GET\",route=\"/api/v1/services/{name}\",status_class=\"2xx\"}";
        assertThat(value(after, "breakwater_http_request_seconds_count" + timed)
                - value(before, "breakwater_http_request_seconds_count" + timed)).isEqualTo(2.0);
        assertThat(after).containsEntry("breakwater_http_request_seconds_bucket{method=\"GET\","
                + "route=\"/api/v1/services/{name}\",status_class=\"2xx\",le=\"+Inf\"}",
                value(after, "breakwater_http_request_seconds_count" + timed)).containsKey("breakwater_http_request_seconds_bucket"
                + "{method=\"GET\",route=\"/api/v1/services/{name}\",status_class=\"2xx\",le=\"1.0\"}");
        assertThat(value(after, "breakwater_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}")
                - value(before, "breakwater_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}"))
                .as("a path no route matches").isEqualTo(1.0);
        assertThat(after.keySet()).noneMatch(k -> k.contains("pkgdb") || k.contains("no-such-service")
                || k.contains("/no/such"));
    }

    @Test
    void metrics_answer_in_the_prometheus_text_format() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(r.body()).contains("# TYPE breakwater_http_requests_total counter")
                .contains("# TYPE breakwater_http_request_seconds histogram");
    }

    @Test
    void a_mail_that_cannot_go_shows_in_the_outbox_depth_age_and_failures() throws Exception {
        String waiting = "breakwater_outbox_waiting{channel=\"mail\"}";
        String age = "breakwater_outbox_oldest_age_seconds{channel=\"mail\"}";
        String failures = "breakwater_outbox_delivery_failures_total";
        passCache();
        Map<String, Double> before = scrape();
        assertThat(before).containsEntry(waiting, 0.0).containsEntry(age, 0.0).containsEntry(failures, 0.0);

        Instant hourAgo = CLOCK.instant().minus(Duration.ofHours(1));
        new JdbiAnnounceRepository(app.database().jdbi()).enqueue(new OutboxEntry(0, OutboxEntry.Channel.MAIL,
                "<metrics-test@breakwater>", Optional.empty(), "ops@example.org", "a test", "body", 0, hourAgo,
                OutboxEntry.State.PENDING, Optional.empty(), hourAgo, Optional.empty()));
        Map<String, Double> after = scrape();
        for (int round = 0; value(after, failures) == 0 && round < 600; round++) { // the courier tries every 10 s
            Thread.sleep(100);
            after = scrape();
        }
        assertThat(after.get(failures)).isGreaterThanOrEqualTo(1.0);
        assertThat(after).containsEntry("breakwater_outbox_delivered_total", 0.0);
        passCache();
        after = scrape();
        assertThat(after).containsEntry(waiting, 1.0).containsEntry("breakwater_outbox_waiting{channel=\"bus\"}", 0.0);
        assertThat(after.get(age)).isGreaterThanOrEqualTo(3600.0);
    }

    @Test
    void each_followed_log_shows_how_long_ago_it_was_read_and_how_far() throws Exception {
        Instant read = CLOCK.instant().minus(Duration.ofMinutes(10));
        new JdbiTrafficRepository(app.database().jdbi()).merge(List.of(), List.of(),
                List.of(new Follower.Cursor("pkgdb", "production", "inode:42", "/var/log/httpd/access_log", 123_456, read)),
                List.of());
        passCache();
        Map<String, Double> samples = scrape();
        String file = "{environment=\"production\",path=\"/var/log/httpd/access_log\",service=\"pkgdb\"}";
        assertThat(samples.get("breakwater_ingest_since_read_seconds" + file)).isGreaterThanOrEqualTo(600.0);
        assertThat(samples).containsEntry("breakwater_ingest_position_bytes" + file, 123_456.0)
                .containsEntry("breakwater_store_reachable", 1.0);
    }

    @Test
    void the_database_pool_the_jvm_and_the_process_are_measured() throws Exception {
        get("/api/v1/services/pkgdb");
        Map<String, Double> samples = scrape();
        assertThat(samples).containsKeys("hikaricp_connections_active{pool=\"breakwater\"}",
                "hikaricp_connections_idle{pool=\"breakwater\"}", "hikaricp_connections_pending{pool=\"breakwater\"}",
                "hikaricp_connections_max{pool=\"breakwater\"}", "process_uptime_seconds", "jvm_threads_live_threads");
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"));
    }

    @Test
    void a_second_server_over_the_same_store_with_reading_behind_login_still_shows_its_metrics_to_anyone() throws Exception {
        try (WebServer closed = WebServer.start(app, PolicyReader.defaults(), app.access(),
                new WebSettings(true, false, Optional.empty()), "127.0.0.1", 0, new PrintWriter(new StringWriter(), true))) {
            assertThat(get(closed, "/api/v1/services").statusCode()).as("reading needs a login").isEqualTo(401);
            assertThat(scrape(closed)).as("refused before its route: counted under the login check's \"*\"")
                    .containsEntry("breakwater_http_requests_total{method=\"GET\",route=\"*\",status=\"401\"}", 1.0)
                    .containsKey("hikaricp_connections_active{pool=\"breakwater\"}");
        }
        assertThat(scrape()).as("the first server's pool gauges outlive the second server")
                .containsKey("hikaricp_connections_active{pool=\"breakwater\"}");
    }
}

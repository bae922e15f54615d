package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import ch.qos.logback.classic.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.logs.LogCapture;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every unexpected failure is logged under an incident id and answered with it (problem details
 * or the error page, and the X-Request-Id header), never with an empty body; the log lines carry
 * no raw control characters, so request input cannot forge a line. The failures are made by a
 * Javalin server wired with the server's own guard and exception mapping, plus the real server
 * over a store that went away.
 */
class FailuresTest {
    static LogCapture log;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Javalin server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        log = LogCapture.of(ServerLog.NAME, Level.INFO);
        ServerLog serverLog = new ServerLog();
        server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            Failures.guard(config, 1024, serverLog);
        });
        Failures.map(server, serverLog);
        server.get("/api/boom", ctx -> {
            throw new IllegalStateException("no such thing: " + ctx.queryParam("q"));
        });
        server.get("/api/deep", ctx -> {
            throw new StackOverflowError();
        });
        server.get("/boom", ctx -> {
            throw new IllegalStateException("a page failed");
        });
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        log.close();
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The id the answer carries: in the header, the same in the body, and in exactly one log line. */
    /** The server log so far, a line per event. */
    static String log() {
        return String.join("\n", log.messages());
    }

    static String incident(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(500);
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(r.body()).contains(id).doesNotContain("\tat ");
        assertThat(log.messages().stream().filter(l -> l.contains(id)))
                .singleElement().satisfies(l -> assertThat(l).startsWith("internal error " + id + " on GET "));
        return id;
    }

    @Test
    void an_exception_is_answered_as_problem_details_with_the_id_of_its_log_line() throws Exception {
        HttpResponse<String> r = get(server.port(), "/api/boom?q=x");
        String id = incident(r);
        assertThat(r.headers().firstValue("content-type")).get().asString().startsWith("application/problem+json");
        assertThat(r.body()).contains("\"requestId\":\"" + id + "\"").contains("\"status\":500");
        assertThat(log()).contains("internal error " + id + " on GET /api/boom: java.lang.IllegalStateException:"
                + " no such thing: x");
    }

    @Test
    void a_jvm_error_that_javalin_answers_with_a_bare_500_still_gets_problem_details_and_a_log_line() throws Exception {
        HttpResponse<String> r = get(server.port(), "/api/deep");
        String id = incident(r);
        assertThat(r.body()).contains("\"requestId\":\"" + id + "\"");
    }

    @Test
    void a_page_that_fails_shows_the_id_on_its_error_page() throws Exception {
        HttpResponse<String> r = get(server.port(), "/boom");
        String id = incident(r);
        assertThat(r.headers().firstValue("content-type")).get().asString().startsWith("text/html");
        assertThat(r.body()).contains("request id " + id);
    }

    @Test
    void line_breaks_and_nuls_in_request_input_cannot_forge_a_log_line() throws Exception {
        int before = log.messages().size();
        String id = incident(get(server.port(), "/api/boom?q=x%0AGET%20/admin%20200%200.1ms%0D%00end"));
        List<String> added = log.messages().subList(before, log.messages().size());
        assertThat(added).noneMatch(l -> l.startsWith("GET /admin")).allMatch(l -> !l.contains("\n") && !l.contains("\r"));
        assertThat(log()).contains("no such thing: x\\nGET /admin 200 0.1ms\\r\\u0000end").doesNotContain("\u0000");
        assertThat(log.jsonLines()).allMatch(l -> !l.contains("\n") && !l.contains("\u0000"));
        assertThat(id).isNotEmpty();
    }

    @Test
    void control_characters_are_escaped_and_plain_text_is_left_alone() {
        assertThat(ServerLog.clean("plain text, ünïcode")).isEqualTo("plain text, ünïcode");
        assertThat(ServerLog.clean("a\nb\rc\td\u0000e\u001bf\u0085g\u2028h\\i"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u001bf\\u0085g\\u2028h\\\\i");
    }

    @Test
    void a_write_against_a_store_another_process_holds_is_answered_503_with_retry_after() throws Exception {
        Path file = dir.resolve("busy.db");
        App app = App.open(new App.Settings(Optional.of("jdbc:sqlite:" + file + "?busy_timeout=50"), dir),
                Clock.systemUTC());
        app.catalog().importCatalog(org.breakwater.catalog.CatalogValidator.check(
                new org.breakwater.catalog.files.CatalogFolderReader(org.breakwater.apidiff.spec.ReadLimits.defaults())
                        .read(Path.of("src/main/resources/demo/catalog"))));
        String token = app.access().issue("t", new org.breakwater.auth.Principal("ci", org.breakwater.auth.Role.ADMIN,
                Optional.empty())).secret();
        WebServer real = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0);
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = other.createStatement()) {
            s.execute("begin immediate"); // another process writing, for as long as the request takes
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + real.port()
                    + "/api/v1/deployments")).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers
                    .ofString("{\"service\": \"pkgdb\", \"version\": \"9\", \"environment\": \"production\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            s.execute("rollback");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(r.body()).contains("store is busy").contains("\"requestId\":\"" + id + "\"");
            assertThat(log()).contains("store busy " + id + " on POST /api/v1/deployments");
        } finally {
            real.close();
            app.close();
        }
    }

    @Test
    void the_real_server_over_a_store_that_went_away_answers_with_an_id() throws Exception {
        App app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        WebServer real = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0);
        try {
            app.close();
            HttpResponse<String> r = get(real.port(), "/api/v1/services");
            assertThat(r.statusCode()).isEqualTo(500);
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(r.body()).contains("\"requestId\":\"" + id + "\"");
            Matcher m = Pattern.compile("internal error " + id + " on GET /api/v1/services: .+").matcher(log());
            assertThat(m.find()).as(log()).isTrue();
        } finally {
            real.close();
        }
    }
}

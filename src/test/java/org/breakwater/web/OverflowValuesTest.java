package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values at the edges of their types (the largest int as an offset, the last day an Instant can
 * hold, a span of more days than a long counts, a NUL in a file name) are refused with a 400
 * that says what is wrong; they used to overflow somewhere inside and answer 500.
 */
class OverflowValuesTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static String token;
    static final StringWriter LOG = new StringWriter();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String[] EXTREME_TIMES = {"+999999999-12-31", "-999999999-01-01", "+999999999-12-31T23:59:59Z",
        "0000-01-01"};

    @BeforeAll
    static void start() {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        token = app.access().issue("test", new Principal("ci-bot", Role.ADMIN, Optional.empty())).secret();
        server = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0, new PrintWriter(LOG, true));
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void refused(HttpResponse<String> r, String says) {
        assertThat(r.statusCode()).as(r.request().uri() + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).get().asString().startsWith("application/problem+json");
        assertThat(r.body()).contains(says);
    }

    @Test
    void the_largest_offset_and_limits_past_an_int_are_refused_or_answered_not_overflowed() throws Exception {
        for (String list : new String[] {"/api/v1/services", "/api/v1/plans"}) {
            HttpResponse<String> far = get(list + "?offset=2147483647&limit=500");
            assertThat(far.statusCode()).as(far.body()).isEqualTo(200);
            assertThat(far.body()).contains("\"items\":[]").contains("\"offset\":2147483647");
            refused(get(list + "?limit=99999999999999999999"), "limit must be between 1 and 500");
            refused(get(list + "?offset=-1"), "offset must be");
        }
    }

    @Test
    void extreme_dates_in_query_parameters_are_refused_with_400() throws Exception {
        for (String t : EXTREME_TIMES) {
            refused(get("/api/v1/where?at=" + java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8)),
                    "between 1970 and 9999");
        }
    }

    @Test
    void extreme_dates_and_spans_in_json_fields_are_refused_with_400() throws Exception {
        for (String t : EXTREME_TIMES) {
            refused(post("/api/v1/deployments", "{\"service\": \"pkgdb\", \"version\": \"9\", \"environment\":"
                    + " \"production\", \"at\": \"" + t + "\"}"), "between 1970 and 9999");
            refused(post("/api/v1/plans", "{\"releases\": {\"pkgdb\": \"9\"}, \"start\": \"" + t + "\"}"),
                    "between 1970 and 9999");
        }
        for (String span : new String[] {"99999999999999999999d", "9223372036854775807h", "999999999w"}) {
            refused(post("/api/v1/plans", "{\"releases\": {\"pkgdb\": \"9\"}, \"start\": \"2030-01-01T10:00:00Z\","
                    + " \"duration\": \"" + span + "\"}"), "duration");
        }
    }

    @Test
    void a_nul_in_a_file_name_is_refused_with_400() throws Exception {
        String spec = "openapi: 3.0.3\\ninfo: {title: t, version: '1'}\\npaths: {}\\n";
        refused(post("/api/v1/deployments", "{\"service\": \"pkgdb\", \"version\": \"9\", \"environment\": \"production\","
                + " \"apiDescription\": {\"file\": \"a\\u0000.yaml\", \"content\": \"" + spec + "\"}}"), "file");
        refused(post("/api/v1/diff", "{\"old\": {\"file\": \"a\\u0000.yaml\", \"content\": \"" + spec + "\"},"
                + " \"new\": {\"content\": \"" + spec + "\"}}"), "file");
    }
}

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traffic over HTTP: the REST reads, and the service and plan pages' traffic, crossings and migrations. */
class TrafficHttpTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static long planId;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = CatalogSite.open(dir);
        Instant now = Instant.now();
        CatalogSite.pkgdbDeployed(app, now, Optional.empty());
        planId = CatalogSite.pkgdb2(app, "pkgdb2", now);
        CatalogSite.ingest(app, "production", CatalogSite.line("10.5.126.21", now.minus(Duration.ofDays(1)),
                "GET /pkgdb/acls/name/guake", "bodhi/0.9.12")
                + CatalogSite.line("192.0.2.9", now.minus(Duration.ofHours(2)), "GET /pkgdb/acls/name/guake",
                "<script>x</script>"));
        CatalogSite.ingest(app, "staging", CatalogSite.line("10.5.126.30", now.minus(Duration.ofHours(1)),
                "GET /pkgdb/api/notify/all", "python-requests/2.2.1"));
        server = CatalogSite.serve(app);
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static ArrayNode array(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return (ArrayNode) new TreeReader(ReadLimits.defaults()).parse(r.body(), "response.json");
    }

    @Test
    void the_api_gives_traffic_crossings_impact_and_migrations() throws Exception {
        assertThat(array("/api/v1/services/pkgdb/traffic").items()).hasSize(3);
        assertThat(array("/api/v1/services/pkgdb/traffic?env=staging").items()).singleElement()
                .satisfies(n -> assertThat(((ObjectNode) n).text("caller")).contains("owner-alias-sync"));
        assertThat(array("/api/v1/services/pkgdb/crossings").items()).singleElement().satisfies(n -> {
            assertThat(((ObjectNode) n).text("from")).contains("production");
            assertThat(((ObjectNode) n).text("address")).contains("10.5.126.30");
        });
        assertThat(array("/api/v1/plans/" + planId + "/impact").items()).hasSize(2);
        assertThat(array("/api/v1/plans/" + planId + "/impact?days=1").items()).as("bodhi's call is a day old").hasSize(1);
        ArrayNode migrations = array("/api/v1/plans/" + planId + "/migrations");
        assertThat(migrations.items()).anySatisfy(n -> {
            assertThat(((ObjectNode) n).text("consumer")).contains("owner-alias-sync");
            assertThat(((ObjectNode) n).get("warnings").orElseThrow().toString()).contains("calls staging");
        });
        assertThat(migrations.items()).anySatisfy(n -> assertThat(((ObjectNode) n).text("known")).contains("false"));
        assertThat(get("/api/v1/plans/" + planId).body()).contains("\"migrations\"");
    }

    @Test
    void bad_requests_are_refused() throws Exception {
        assertThat(get("/api/v1/services/nosuch/traffic").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/services/nosuch/crossings").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/services/pkgdb/traffic?env=moon").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/plans/999/migrations").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/plans/" + planId + "/impact?days=0").statusCode()).isEqualTo(400);
    }

    @Test
    void the_pages_show_crossings_and_migrations_escaped() throws Exception {
        String service = get("/services/pkgdb").body();
        assertThat(service).contains("Calls across environments").contains("10.5.126.30")
                .contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
        String plan = get("/plans/" + planId).body();
        assertThat(plan).contains("id=\"migrations\"").contains("a production host (10.5.126.30, production) calls staging")
                .contains("seen in the logs only").doesNotContain("<script>x");
    }
}

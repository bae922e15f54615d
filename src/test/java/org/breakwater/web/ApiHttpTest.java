package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP on a random port, on the demo catalog in an SQLite store. */
class ApiHttpTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static final org.breakwater.logs.LogCapture LOG = org.breakwater.logs.LogCapture.of(RequestLog.NAME,
            ch.qos.logback.classic.Level.INFO);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production",
                Instant.now().minus(Duration.ofDays(30)), "pingou", Optional.empty()),
                Optional.of(ApiFiles.read(Path.of("src/main/resources/demo/catalog/apis/pkgdb/v1/pkgdb.yaml"),
                        ReadLimits.defaults()).description()));
        server = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
        LOG.close();
    }

    record Answer(int status, String type, String body) {
        Node json() throws Exception {
            return new TreeReader(ReadLimits.defaults()).parse(body, "response.json");
        }
    }

    static Answer get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body());
    }

    @Test
    void healthz_and_metrics_answer() throws Exception {
        Answer health = get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        get("/api/v1/services");
        Answer metrics = get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE breakwater_http_requests_total counter")
                .contains("breakwater_http_requests_total{method=\"GET\",route=\"/api/v1/services\",status=\"200\"}");
        assertThat(LOG.messages()).anyMatch(l -> l.startsWith("method=GET path=/healthz status=200 "));
    }

    @Test
    void services_are_listed_a_page_at_a_time() throws Exception {
        ObjectNode page = (ObjectNode) get("/api/v1/services?limit=10&offset=20").json();
        assertThat(page.text("total")).contains("25");
        assertThat(((ArrayNode) page.get("items").orElseThrow()).items()).hasSize(5);
        Answer bad = get("/api/v1/services?limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.type()).startsWith("application/problem+json");
        assertThat(((ObjectNode) bad.json()).text("detail").orElseThrow()).contains("limit must be between 1 and 500");
    }

    @Test
    void a_service_shows_what_runs_where_and_its_consumers() throws Exception {
        ObjectNode pkgdb = (ObjectNode) get("/api/v1/services/pkgdb").json();
        assertThat(((ObjectNode) pkgdb.get("service").orElseThrow()).text("tier")).contains("essential");
        assertThat(((ArrayNode) pkgdb.get("runs").orElseThrow()).items()).singleElement()
                .satisfies(n -> assertThat(((ObjectNode) n).text("version")).contains("1.9.2"));
        Answer consumers = get("/api/v1/services/pkgdb/consumers?operation=getPackageAcls");
        assertThat(consumers.status()).isEqualTo(200);
        assertThat(consumers.body()).contains("faf-pkgdb-importer").contains("relnotes-scripts");
        Answer typo = get("/api/v1/services/pkgdb/consumers?operation=getPackageACL");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("did you mean 'getPackageAcls'");
    }

    @Test
    void unknown_things_are_problem_details_without_a_trace() throws Exception {
        for (String path : new String[] {"/api/v1/services/nosuch", "/api/v1/plans/42", "/api/v1/nowhere"}) {
            Answer a = get(path);
            assertThat(a.status()).as(path).isEqualTo(404);
            assertThat(a.type()).as(path).startsWith("application/problem+json");
            assertThat(((ObjectNode) a.json()).text("status")).contains("404");
            assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(get("/api/v1/plans/abc").status()).isEqualTo(400);
        assertThat(get("/api/v1/where?at=soon").status()).isEqualTo(400);
        assertThat(get("/api/v1/can-deploy").status()).isEqualTo(400);
    }

    @Test
    void can_deploy_answers_as_the_command_line_does() throws Exception {
        // pkgdb 2.0.0 has no recorded description and is a new major version: it needs a plan
        ObjectNode no = (ObjectNode) get("/api/v1/can-deploy?service=pkgdb&version=2.0.0&to=production").json();
        assertThat(no.text("deployable")).contains("false");
        assertThat(((ArrayNode) no.get("reasons").orElseThrow()).items().get(0).toString())
                .contains("no open plan ships pkgdb 2.0.0 to production");
        ObjectNode leaf = (ObjectNode) get("/api/v1/can-deploy?service=badges&version=9.0").json();
        assertThat(leaf.text("deployable")).contains("true");
        assertThat(get("/api/v1/can-deploy?service=nosuch&version=1").status()).isEqualTo(404);
    }
}

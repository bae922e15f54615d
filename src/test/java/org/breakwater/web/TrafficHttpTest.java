package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.parse.LogFormat;
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
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");
        Instant now = Instant.now();
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", now.minus(Duration.ofDays(30)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"), ReadLimits.defaults())
                .description()));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "staging", now.minus(Duration.ofDays(3)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v2/openapi.yaml"), ReadLimits.defaults())
                .description()));
        planId = ((Outcome.Done<Plan>) app.plans(PolicyReader.defaults()).create(new NewPlan("pkgdb2",
                Map.of("pkgdb", "2.0.0"), Map.of(), "production", now.plus(Duration.ofDays(20)), Duration.ofHours(4),
                "pingou", Optional.empty(), PlanStatus.SCHEDULED))).value().id();
        ingest("production", line("10.5.126.21", now.minus(Duration.ofDays(1)), "GET /pkgdb/acls/name/guake", "bodhi/0.9.12")
                + line("192.0.2.9", now.minus(Duration.ofHours(2)), "GET /pkgdb/acls/name/guake", "<script>x</script>"));
        ingest("staging", line("10.5.126.30", now.minus(Duration.ofHours(1)), "GET /pkgdb/api/notify/all",
                "python-requests/2.2.1"));
        server = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0, new PrintWriter(new StringWriter()));
    }

    static final java.time.format.DateTimeFormatter CLF = java.time.format.DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    static String line(String client, Instant at, String request, String agent) {
        return client + " - - [" + CLF.format(at) + "] \"" + request + " HTTP/1.1\" 200 512 \"-\" \"" + agent + "\"\n";
    }

    static void ingest(String env, String log) {
        TrafficService t = app.traffic();
        assertThat(t.ingest("pkgdb", env, LogFormat.combined(), List.of(new TrafficService.Input("log",
                () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))),
                ((Outcome.Done<List<CallerRule>>) t.rules()).value(), a -> Optional.empty()))
                .isInstanceOf(Outcome.Done.class);
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

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.calendar.RecurringWindow;
import org.breakwater.calendar.WindowKind;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.catalog.store.JdbiDeploymentRepository;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What enters plans, deployments and the calendar through the REST API is bounded at the door,
 * and what an older version stored outside those bounds is shown, never thrown: the dashboard,
 * the plan pages, the .ics feed and can-deploy keep answering.
 */
class PlanInputHttpTest {
    static final Path APIS = Path.of("src/main/resources/demo/catalog/apis/pkgdb");

    @TempDir
    Path dir;

    App app;
    WebServer server;
    String pingou;
    final HttpClient http = HttpClient.newHttpClient();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @BeforeEach
    void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", now.minus(Duration.ofDays(30)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(APIS.resolve("v1/pkgdb.yaml"),
                ReadLimits.defaults()).description()));
        server = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0, new PrintWriter(new StringWriter()));
        pingou = app.access().issue("test", new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure")))
                .secret();
    }

    @AfterEach
    void stop() {
        server.close();
        app.close();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + pingou).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static String plan(String start, String more) {
        return "{\"releases\": {\"pkgdb\": \"2.0.0\"}, \"start\": \"" + start + "\"" + more + "}";
    }

    String ahead(int days) {
        return now.plus(Duration.ofDays(days)).toString();
    }

    /** A plan as an older version would have stored it: straight into the store, no checks. */
    Plan stored(String service, String version, Duration duration, Optional<String> ticket) {
        return new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, service + " " + version,
                List.of(new PlannedRelease(service, version, app.catalog().release(service, version)
                        .flatMap(r -> r.apiHash()))), "production", now.plus(Duration.ofDays(20)), duration, "pingou",
                ticket, PlanStatus.SCHEDULED, now));
    }

    void everyPageAnswers(long... plans) throws Exception {
        for (String page : new String[] {"/", "/calendar", "/calendar.ics", "/services/pkgdb", "/api/v1/plans"}) {
            HttpResponse<String> r = get(page);
            assertThat(r.statusCode()).as(page + "\n" + r.body()).isEqualTo(200);
        }
        for (long id : plans) {
            for (String page : new String[] {"/plans/" + id, "/api/v1/plans/" + id, "/api/v1/can-deploy?plan=" + id}) {
                HttpResponse<String> r = get(page);
                assertThat(r.statusCode()).as(page + "\n" + r.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_duration_of_99999999999_days_or_a_start_decades_away_is_refused_and_nothing_is_stored() throws Exception {
        HttpResponse<String> endless = post("/api/v1/plans", plan(ahead(20), ", \"duration\": \"99999999999d\""));
        assertThat(endless.statusCode()).isEqualTo(400);
        assertThat(endless.body()).contains("'99999999999d'");
        HttpResponse<String> long15 = post("/api/v1/plans", plan(ahead(20), ", \"duration\": \"15d\""));
        assertThat(long15.statusCode()).isEqualTo(400);
        assertThat(long15.body()).contains("longer than a deployment may last (14 days)");
        HttpResponse<String> far = post("/api/v1/plans", plan("2090-06-16T15:00:00Z", ""));
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(far.body()).contains("a plan starts within 5 years either way");
        assertThat(app.plans(PolicyReader.defaults()).list(Optional.empty())).isEmpty();
        assertThat(post("/api/v1/plans", plan(ahead(20), ", \"duration\": \"14d\"")).statusCode()).isEqualTo(201);
    }

    @Test
    void a_plan_stored_with_an_endless_duration_leaves_every_page_working_beside_a_weekly_freeze() throws Exception {
        app.calendar().replace("test.yaml", List.of(), List.of(RecurringWindow.of("weekly freeze", WindowKind.FREEZE,
                "0 20 * * WED", Duration.ofHours(4), ZoneOffset.UTC)));
        Plan endless = stored("pkgdb", "2.0.0", Duration.ofDays(99_999_999_999L), Optional.empty());
        everyPageAnswers(endless.id());
        assertThat(get("/plans/" + endless.id()).body()).contains("weekly freeze");
    }

    @Test
    void moving_a_plan_decades_away_is_refused() throws Exception {
        long id = stored("pkgdb", "2.0.0", Duration.ofHours(2), Optional.empty()).id();
        HttpResponse<String> moved = post("/api/v1/plans/" + id + "/schedule", "{\"start\": \"2090-01-01T15:00:00Z\"}");
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(moved.body()).contains("within 5 years");
    }

    @Test
    void a_deployment_whose_description_file_leaves_its_folder_is_refused_and_not_stored() throws Exception {
        HttpResponse<String> evil = post("/api/v1/deployments", "{\"service\": \"pkgdb\", \"version\": \"2.0.0\","
                + " \"environment\": \"staging\", \"apiDescription\": {\"file\": \"../evil.yaml\", \"content\":"
                + " \"openapi: 3.0.3\\ninfo: {title: pkgdb, version: '2.0.0'}\\npaths: {}\\n\"}}");
        assertThat(evil.statusCode()).isEqualTo(400);
        assertThat(evil.body()).contains("'../evil.yaml' leaves the description's folder");
        assertThat(app.catalog().history("pkgdb", Optional.of("staging"), 5)).isEmpty();
        HttpResponse<String> plan = post("/api/v1/plans", plan(ahead(20), ", \"apiDescriptions\": {\"pkgdb\":"
                + " {\"file\": \"/etc/evil.yaml\", \"content\": \"openapi: 3.0.3\"}}"));
        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(plan.body()).contains("absolute path");
    }

    @Test
    void a_damaged_description_stored_by_an_older_version_is_a_reason_not_a_failure() throws Exception {
        String content = "openapi: 3.0.3\ninfo: {title: pkgdb, version: '2.0.0'}\npaths: {}\n";
        new JdbiDeploymentRepository(app.database().jdbi()).record(new NewDeployment("pkgdb", "2.0.0", "staging",
                now.minus(Duration.ofDays(2)), "pingou", Optional.empty()),
                Optional.of(ApiDescription.of("../evil.yaml", Map.of("../evil.yaml", content))), now);
        Plan damaged = stored("pkgdb", "2.0.0", Duration.ofHours(4), Optional.empty());
        Plan other = stored("fas", "0.8.19", Duration.ofHours(2), Optional.empty());
        everyPageAnswers(damaged.id(), other.id());
        assertThat(get("/plans/" + damaged.id()).body()).contains("stored API description is damaged");
        HttpResponse<String> answer = get("/api/v1/can-deploy?service=pkgdb&version=2.0.0");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"deployable\":false").contains("stored API description is damaged")
                .contains("leaves the description's folder");
    }

    @Test
    void a_ticket_that_is_not_a_link_is_refused() throws Exception {
        for (String ticket : new String[] {"https://tickets.example/42 and more", "javascript:alert(1)", "tickets/42",
                "https://tickets.example/" + "x".repeat(2_000)}) {
            HttpResponse<String> r = post("/api/v1/plans", plan(ahead(20), ", \"ticket\": \"" + ticket + "\""));
            assertThat(r.statusCode()).as(ticket).isEqualTo(400);
            assertThat(r.body()).contains("the ticket link");
        }
        assertThat(app.plans(PolicyReader.defaults()).list(Optional.empty())).isEmpty();
    }

    @Test
    void a_stored_ticket_with_a_space_never_breaks_the_feed() throws Exception {
        Plan bad = stored("pkgdb", "2.0.0", Duration.ofHours(2), Optional.of("https://tickets.example/4 2\u0007"));
        Plan good = stored("fas", "0.8.19", Duration.ofHours(2), Optional.of("https://tickets.example/43"));
        HttpResponse<String> feed = get("/calendar.ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("UID:plan-" + bad.id() + "@breakwater").contains("UID:plan-" + good.id())
                .contains("URL:https://tickets.example/43").doesNotContain("tickets.example/4 2");
    }

    @Test
    void evidence_dated_in_the_future_is_refused() throws Exception {
        long id = stored("pkgdb", "2.0.0", Duration.ofHours(2), Optional.empty()).id();
        HttpResponse<String> future = post("/api/v1/plans/" + id + "/gates/staging-green/evidence",
                "{\"evidence\": \"rube run\", \"at\": \"2099-01-01T00:00:00Z\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("evidence cannot come from the future");
        assertThat(post("/api/v1/plans/" + id + "/gates/staging-green/evidence", "{\"evidence\": \"rube run\", \"at\": \""
                + now.minus(Duration.ofHours(1)) + "\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void a_version_that_does_not_parse_is_refused_with_what_a_version_looks_like() throws Exception {
        HttpResponse<String> asked = get("/api/v1/can-deploy?service=pkgdb&version=three");
        assertThat(asked.statusCode()).isEqualTo(400);
        assertThat(asked.body()).contains("'three' is not a version").contains("2.0.0");
        HttpResponse<String> planned = post("/api/v1/plans", "{\"releases\": {\"pkgdb\": \"three\"}, \"start\": \""
                + ahead(20) + "\"}");
        assertThat(planned.statusCode()).isEqualTo(400);
        assertThat(planned.body()).contains("'three' is not a version");
        HttpResponse<String> deployed = post("/api/v1/deployments", "{\"service\": \"pkgdb\", \"version\": \"three\","
                + " \"environment\": \"staging\"}");
        assertThat(deployed.statusCode()).isEqualTo(400);
        assertThat(deployed.body()).contains("'three' is not a version");
        assertThat(get("/api/v1/can-deploy?service=pkgdb&version=2.0.0-rc3").statusCode()).isEqualTo(200);
    }

    @Test
    void a_scheduled_plan_in_the_past_is_refused_with_422_unless_forced() throws Exception {
        String yesterday = now.minus(Duration.ofDays(1)).toString();
        HttpResponse<String> late = post("/api/v1/plans", plan(yesterday, ", \"scheduled\": true"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("is in the past").contains("\\\"force\\\": true");
        assertThat(app.plans(PolicyReader.defaults()).list(Optional.empty())).isEmpty();
        assertThat(post("/api/v1/plans", plan(yesterday, ", \"scheduled\": true, \"force\": true")).statusCode())
                .isEqualTo(201);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.Main;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's plans over HTTP, as a new user and a pipeline meet them: evidence a gate cannot use
 * refused by the API (422) and by the page's form (the error beside the field, the input kept),
 * a window that has passed, a release two plans ship, and a release whose API was not compared.
 */
class PlanConclusionsHttpTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static String token;
    static long passed;
    static long second;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
        Path store = dir.resolve("demo/store");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // made three hours ago, for a one-hour window that closed an hour ago
        try (App earlier = App.open(new App.Settings(Optional.empty(), store),
                Clock.fixed(now.minus(Duration.ofHours(3)), ZoneOffset.UTC))) {
            passed = made(earlier.plans(PolicyReader.defaults()).create(new NewPlan("nuancier 0.5.1",
                    Map.of("nuancier", "0.5.1"), Map.of(), "production", now.minus(Duration.ofHours(2)),
                    Duration.ofHours(1), "pingou", Optional.empty(), PlanStatus.SCHEDULED)));
        }
        app = App.open(new App.Settings(Optional.empty(), store), Clock.systemUTC());
        second = made(app.plans(PolicyReader.defaults()).create(new NewPlan("pkgdb2 again", Map.of("pkgdb", "2.0.0"),
                Map.of(), "production", now.plus(Duration.ofDays(30)), Duration.ofHours(2), "pingou", Optional.empty(),
                PlanStatus.DRAFT)));
        token = app.access().issue("test", new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure")))
                .secret();
        server = WebServer.start(app, PolicyReader.defaults(), app.access(), new WebSettings(false, false,
                Optional.empty()), "127.0.0.1", 0, new PrintWriter(new StringWriter()));
    }

    static long made(Outcome<Plan> o) {
        return ((Outcome.Done<Plan>) o).value().id();
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> evidence(String gate, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/plans/1/gates/" + gate + "/evidence"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_api_refuses_evidence_the_gate_cannot_use_with_422_and_a_did_you_mean() throws Exception {
        HttpResponse<String> typo = evidence("consumers-acknowledged",
                "{\"consumer\": \"bodhi-pkgdb-clent\", \"evidence\": \"https://lists.example/ack\"}");
        assertThat(typo.statusCode()).isEqualTo(422);
        assertThat(typo.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(typo.body()).contains("\"status\":422").contains("consumer: 'bodhi-pkgdb-clent' is not among")
                .contains("did you mean 'bodhi-pkgdb-client'?");
        assertThat(evidence("consumers-acknowledged", "{\"evidence\": \"https://lists.example/ack\"}").statusCode())
                .isEqualTo(422);
        HttpResponse<String> roster = evidence("roster", "{\"note\": \"firefigther\", \"evidence\": \"pingou\"}");
        assertThat(roster.statusCode()).isEqualTo(422);
        assertThat(roster.body()).contains("did you mean 'firefighter'?");
        assertThat(get("/api/v1/plans/1").body()).doesNotContain("bodhi-pkgdb-clent").doesNotContain("firefigther");
        assertThat(evidence("consumers-acknowledged", "{\"consumer\": \"fedpkg\", \"evidence\": \"https://lists.example/ack\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void the_page_form_shows_why_beside_the_field_and_keeps_what_was_typed() throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(server);
        String csrf = b.csrf("/login");
        b.post("/login", LoginHttpTest.form("csrf", csrf, "username", "pingou", "password", "breakwater-demo",
                "next", "/plans/2"));
        // bodhi2: the demo's pkgdb2 roster is confirmed, so its roster gate is no longer offered in the form
        HttpResponse<String> r = b.post("/plans/2/evidence", LoginHttpTest.form("csrf", b.csrf("/plans/2"),
                "gate", "roster", "evidence", "pingou", "note", "firefigther", "at", "", "decision", ""));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Nothing was recorded")
                .containsPattern("name=\"note\"[^>]*value=\"firefigther\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<span id=\"note-error\" class=\"failed\">&#39;firefigther&#39; counts for nothing on the"
                        + " roster; did you mean &#39;firefighter&#39;\\?")
                .contains("value=\"pingou\"").contains("<option value=\"roster\" selected>");
        assertThat(b.get("/plans/2").body()).doesNotContain("firefigther");
    }

    @Test
    void a_passed_window_is_a_no_and_the_status_page_calls_it_overdue() throws Exception {
        String answer = get("/api/v1/can-deploy?plan=" + passed).body();
        assertThat(answer).contains("\"deployable\":false").contains("the window closed at");
        String status = get("/api/v1/status").body();
        assertThat(status).containsPattern("\"plan\":" + passed + ",[^}]*\"state\":\"overdue\"[^}]*\"windowPassed\":true")
                .containsPattern("\"plan\":3,[^}]*\"state\":\"ongoing\"[^}]*\"windowPassed\":false");
    }

    @Test
    void a_release_two_open_plans_ship_is_a_409_naming_both() throws Exception {
        HttpResponse<String> r = get("/api/v1/can-deploy?service=pkgdb&version=2.0.0");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("\"plans\":[1," + second + "]").contains("2 open plans ship pkgdb 2.0.0");
        assertThat(get("/api/v1/can-deploy?plan=1").statusCode()).isEqualTo(200);
    }

    @Test
    void the_plan_page_says_unknown_where_the_api_was_not_compared() throws Exception {
        String page = get("/plans/3").body();
        assertThat(page).contains("Whether the API breaks is unknown: it was not compared (fedocal 1.0.0 has no API"
                + " description").doesNotContain("does not break").doesNotContain("No breaking change found");
    }
}

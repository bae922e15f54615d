package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.LoginThrottle;
import org.breakwater.auth.PasswordHasher;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.auth.store.JdbiAccessRepository;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in and changing things through the pages, over real HTTP: sessions, CSRF tokens,
 * roles, throttling, the audit log on the pages, and reading behind a login.
 */
class LoginHttpTest {
    static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dir;

    static App app;
    static AccessService access;
    static WebServer open;
    static WebServer closed;
    static long planId;

    @BeforeAll
    static void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production",
                Instant.now().minus(Duration.ofDays(30)), "pingou", Optional.empty()),
                Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"), ReadLimits.defaults()).description()));
        Plan plan = ((Outcome.Done<Plan>) app.plans(PolicyReader.defaults()).create(new NewPlan("pkgdb2",
                Map.of("pkgdb", "2.0.0"), Map.of(), "production", Instant.now().plus(Duration.ofDays(20)),
                Duration.ofHours(4), "pingou", Optional.empty(), PlanStatus.DRAFT))).value();
        planId = plan.id();
        access = new AccessService(new JdbiAccessRepository(app.database().jdbi()), Clock.systemUTC(),
                new PasswordHasher(1_000), LoginThrottle.standard(
                new org.breakwater.auth.store.JdbiLoginAttempts(app.database().jdbi()), Clock.systemUTC()));
        access.saveAccount(new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure")),
                Optional.of(PASSWORD), "test");
        access.saveAccount(new Principal("adamwill", Role.VIEWER, Optional.empty()), Optional.of(PASSWORD), "test");
        access.saveAccount(new Principal("ausil", Role.SERVICE_OWNER, Optional.of("rel-eng")), Optional.of(PASSWORD), "test");
        access.saveAccount(new Principal("victim", Role.VIEWER, Optional.empty()), Optional.of(PASSWORD), "test");
        open = WebServer.start(app, PolicyReader.defaults(), access, new WebSettings(false, false,
                Optional.of("Demo accounts: <none>")), "127.0.0.1", 0, new PrintWriter(new StringWriter()));
        closed = WebServer.start(app, PolicyReader.defaults(), access, new WebSettings(true, true, Optional.empty()),
                "127.0.0.1", 0, new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        open.close();
        closed.close();
        app.close();
    }

    /** A browser: keeps cookies, does not follow redirects (the tests look at them). */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final WebServer server;

        Browser(WebServer server) {
            this.server = server;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.port() + path);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token in the page at {@code path}. */
        String csrf(String path) throws Exception {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("a form with a CSRF token on " + path).isTrue();
            return m.group(1);
        }

        HttpResponse<String> login(String user, String password) throws Exception {
            return post("/login", form("csrf", csrf("/login"), "username", user, "password", password, "next", "/plans/" + planId));
        }
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void logging_in_sets_a_protected_session_cookie_and_returns_to_the_page() throws Exception {
        Browser b = new Browser(open);
        HttpResponse<String> page = b.get("/login");
        assertThat(page.body()).contains("Demo accounts: &lt;none&gt;").contains("type=\"password\"");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bw_csrf=")
                .contains("HttpOnly").contains("SameSite=Strict"));
        HttpResponse<String> in = b.login("pingou", PASSWORD);
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).contains("/plans/" + planId);
        assertThat(in.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bw_session=")
                .contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
        String body = b.get("/plans/" + planId).body();
        assertThat(body).contains("pingou (service-owner of infrastructure)").contains("Log out")
                .contains("Record evidence for ").contains("action=\"/plans/" + planId + "/evidence\"");
    }

    @Test
    void a_login_form_without_its_token_or_with_a_wrong_password_does_not_log_in() throws Exception {
        Browser b = new Browser(open);
        b.get("/login");
        HttpResponse<String> forged = b.post("/login", form("username", "pingou", "password", PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("bw_session="));
        HttpResponse<String> wrong = b.login("adamwill", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong user name or password.");
        assertThat(b.get("/").body()).contains("href=\"/login\"");
    }

    @Test
    void repeated_failures_are_throttled_with_retry_after() throws Exception {
        Browser b = new Browser(open);
        for (int i = 0; i < 5; i++) {
            assertThat(b.login("victim", "guess " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = b.login("victim", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed logins");
    }

    @Test
    void after_login_the_next_page_is_only_ever_one_of_ours() throws Exception {
        for (String next : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            Browser b = new Browser(open);
            HttpResponse<String> in = b.post("/login", form("csrf", b.csrf("/login"), "username", "adamwill",
                    "password", PASSWORD, "next", next));
            assertThat(in.headers().firstValue("Location")).as(next).contains("/");
        }
    }

    @Test
    void an_owner_records_evidence_through_the_form_and_the_page_shows_it_in_the_audit_log() throws Exception {
        Browser b = new Browser(open);
        b.login("pingou", PASSWORD);
        String csrf = b.csrf("/plans/" + planId);
        HttpResponse<String> r = b.post("/plans/" + planId + "/evidence", form("csrf", csrf, "gate", "outage-notice",
                "evidence", "https://lists.example/outage-<1>", "note", "", "decision", ""));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/plans/" + planId + "#gates");
        String page = b.get("/plans/" + planId).body();
        assertThat(page).contains("https://lists.example/outage-&lt;1&gt; (pingou,")
                .contains("Changes made through Breakwater").contains("gate-evidence")
                .contains("outage-notice: https://lists.example/outage-&lt;1&gt;");
        assertThat(access.auditLog(Optional.of("plan/" + planId), 10)).anySatisfy(e ->
                assertThat(e.actor()).isEqualTo("pingou"));
    }

    @Test
    void forms_without_the_session_token_or_a_session_change_nothing() throws Exception {
        Browser b = new Browser(open);
        b.login("pingou", PASSWORD);
        int before = access.auditLog(Optional.of("plan/" + planId), 100).size();
        HttpResponse<String> noToken = b.post("/plans/" + planId + "/waiver", form("gate", "roster", "reason", "x"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("security token");
        HttpResponse<String> stale = b.post("/plans/" + planId + "/waiver", form("csrf", "stale", "gate", "roster",
                "reason", "x"));
        assertThat(stale.statusCode()).isEqualTo(403);
        Browser stranger = new Browser(open);
        HttpResponse<String> anonymous = stranger.post("/plans/" + planId + "/waiver", form("csrf", "x", "gate", "roster",
                "reason", "x"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("Log in");
        assertThat(access.auditLog(Optional.of("plan/" + planId), 100)).hasSize(before);
    }

    @Test
    void a_viewer_and_another_teams_owner_may_read_but_not_change_the_plan() throws Exception {
        for (String user : new String[] {"adamwill", "ausil"}) {
            Browser b = new Browser(open);
            b.login(user, PASSWORD);
            String page = b.get("/plans/" + planId).body();
            assertThat(page).as(user).contains("You may read this plan").doesNotContain("Record evidence for a gate");
            String csrf = b.csrf("/plans/" + planId); // the log-out form's token is the session's
            HttpResponse<String> r = b.post("/plans/" + planId + "/status", form("csrf", csrf, "status", "cancelled"));
            assertThat(r.statusCode()).as(user).isEqualTo(403);
            assertThat(r.body()).contains("owns none of the services plan " + planId + " ships");
        }
        assertThat(app.plans(PolicyReader.defaults()).plan(planId).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void an_owner_plans_a_deployment_moves_it_and_records_a_deployment_by_hand() throws Exception {
        Browser b = new Browser(open);
        b.login("pingou", PASSWORD);
        String csrf = b.csrf("/plans/new");
        HttpResponse<String> bad = b.post("/plans", form("csrf", csrf, "releases", "pkgdb 2.1", "start", "2030-01-01 15:00"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not SERVICE=VERSION");
        HttpResponse<String> other = b.post("/plans", form("csrf", csrf, "releases", "koji=1.10", "start", "2030-01-01 15:00",
                "environment", "production"));
        assertThat(other.statusCode()).as("koji belongs to rel-eng").isEqualTo(403);
        HttpResponse<String> made = b.post("/plans", form("csrf", csrf, "releases", "pkgdb=2.1.0\nfas = 0.8.20",
                "start", "2030-01-07 15:00", "duration", "3h", "environment", "production", "title", "",
                "ticket", "https://tickets.example/1"));
        assertThat(made.statusCode()).isEqualTo(303);
        String location = made.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring("/plans/".length()));
        Plan plan = app.plans(PolicyReader.defaults()).plan(id).orElseThrow();
        assertThat(plan.releaseLabel()).isEqualTo("fas 0.8.20 + pkgdb 2.1.0");
        assertThat(plan.owner()).isEqualTo("pingou");
        assertThat(plan.duration()).isEqualTo(Duration.ofHours(3));

        assertThat(b.post(location + "/schedule", form("csrf", csrf, "start", "tomorrow")).statusCode()).isEqualTo(400);
        assertThat(b.post(location + "/schedule", form("csrf", csrf, "start", "2030-01-08 15:00")).statusCode()).isEqualTo(303);
        assertThat(b.post(location + "/status", form("csrf", csrf, "status", "done")).statusCode()).isEqualTo(400);
        assertThat(b.post(location + "/status", form("csrf", csrf, "status", "cancelled")).statusCode()).isEqualTo(303);
        assertThat(app.plans(PolicyReader.defaults()).plan(id).orElseThrow()).satisfies(p -> {
            assertThat(p.start()).isEqualTo(Instant.parse("2030-01-08T15:00:00Z"));
            assertThat(p.status()).isEqualTo(PlanStatus.CANCELLED);
        });
        assertThat(b.get(location).body()).contains("plan-created").contains("plan-moved").contains("draft → cancelled");

        assertThat(b.post("/services/pkgdb/deployments", form("csrf", csrf, "version", "1.9.3", "environment", "staging"))
                .statusCode()).isEqualTo(303);
        assertThat(app.catalog().history("pkgdb", Optional.of("staging"), 1)).singleElement()
                .satisfies(d -> assertThat(d.by()).isEqualTo("pingou"));
        assertThat(b.post("/services/koji/deployments", form("csrf", csrf, "version", "1", "environment", "staging"))
                .statusCode()).isEqualTo(403);
        assertThat(b.get("/services/pkgdb").body()).contains("deployment-recorded").contains("1.9.3 → staging")
                .contains("Record a deployment made by hand");
    }

    @Test
    void logging_out_ends_the_session_on_the_server() throws Exception {
        Browser b = new Browser(open);
        b.login("adamwill", PASSWORD);
        String csrf = b.csrf("/");
        assertThat(b.post("/logout", form("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(b.get("/").body()).contains("href=\"/login\"").doesNotContain("adamwill");
        assertThat(b.post("/logout", form("csrf", csrf)).statusCode()).isEqualTo(401);
    }

    @Test
    void when_reading_needs_a_login_pages_send_visitors_to_it_and_the_api_asks_for_a_token() throws Exception {
        Browser b = new Browser(closed);
        HttpResponse<String> page = b.get("/plans/" + planId + "?x=1");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fplans%2F" + planId + "%3Fx%3D1");
        HttpResponse<String> api = b.get("/api/v1/services");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(b.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(b.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        String token = access.issue("reader", new Principal("reader", Role.VIEWER, Optional.empty())).secret();
        assertThat(b.http.send(HttpRequest.newBuilder(b.uri("/api/v1/services")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // cookies are Secure here, and clients keep those away from plain http as browsers do: send them by hand
        HttpResponse<String> loginPage = b.get("/login");
        String formCookie = loginPage.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bw_csrf="))
                .findFirst().orElseThrow();
        assertThat(formCookie).contains("Secure");
        Matcher m = CSRF.matcher(loginPage.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> in = b.http.send(HttpRequest.newBuilder(b.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1) + "&username=adamwill&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(in.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bw_session=")
                .contains("Secure"));
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bw_session="))
                .findFirst().orElseThrow().split(";")[0];
        HttpResponse<String> after = b.http.send(HttpRequest.newBuilder(b.uri("/plans/" + planId)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("adamwill (viewer)");
    }

    @Test
    void the_plan_form_refuses_a_past_start_a_ticket_with_a_space_and_an_endless_duration() throws Exception {
        Browser b = new Browser(open);
        b.login("pingou", PASSWORD);
        String csrf = b.csrf("/plans/new");
        String ahead = Instant.now().plus(Duration.ofDays(20)).toString();
        Map<String, Map<String, String>> refused = Map.of(
                "is in the past", form("csrf", csrf, "releases", "pkgdb=2.1.0", "environment", "production",
                        "start", Instant.now().minus(Duration.ofDays(2)).toString()),
                "contains spaces", form("csrf", csrf, "releases", "pkgdb=2.1.0", "environment", "production",
                        "start", ahead, "ticket", "https://tickets.example/4 2"),
                "longer than a deployment may last", form("csrf", csrf, "releases", "pkgdb=2.1.0", "environment",
                        "production", "start", ahead, "duration", "15d"),
                "the duration may be at most", form("csrf", csrf, "releases", "pkgdb=2.1.0", "environment",
                        "production", "start", ahead, "duration", "99999999999d"),
                "is not a version: a version is numbers", form("csrf", csrf, "releases", "pkgdb=three", "environment", "production",
                        "start", ahead));
        int before = app.plans(PolicyReader.defaults()).list(Optional.empty()).size();
        for (Map.Entry<String, Map<String, String>> e : refused.entrySet()) {
            HttpResponse<String> r = b.post("/plans", e.getValue());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(r.body()).contains(e.getKey());
        }
        assertThat(app.plans(PolicyReader.defaults()).list(Optional.empty())).hasSize(before);
    }
}

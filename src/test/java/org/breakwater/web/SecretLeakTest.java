package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.bus.BusCourier;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.LoginThrottle;
import org.breakwater.auth.PasswordHasher;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.auth.store.JdbiAccessRepository;
import org.breakwater.auth.store.JdbiLoginAttempts;
import org.breakwater.bus.BusSettings;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.logs.LogCapture;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret reaches the log. A real server over embedded PostgreSQL (its URL carrying a
 * password), delivering to a message bus whose URL carries one, is used the way people use it:
 * a failing login and a good one (a session cookie), API tokens good and unknown, a feed token in
 * the URL, refusals, a 404 and a 500. Every line every logger of the run writes meanwhile
 * (Javalin, Jetty, HikariCP and Flyway at DEBUG included), as text and as JSON lines, is searched
 * for each secret.
 */
class SecretLeakTest {
    static final String PASSWORD = "Leak-Test-Password-7f3a9c";
    static final String WRONG = "Wrong-Password-Guess-51c2e8";
    static final String PG_PASSWORD = "Pg-Url-Password-2b7d41";
    static final String BUS_PASSWORD = "Amqp-Password-9e0f3d";
    static final String UNKNOWN_TOKEN = "bw_UnknownTokenValue0123456789abcd";

    @TempDir
    Path dir;

    @Test
    void no_password_token_cookie_or_url_password_is_in_any_log_line() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG, PG_PASSWORD, BUS_PASSWORD, UNKNOWN_TOKEN));
        List<String> lines;
        try (LogCapture log = LogCapture.everything()) {
            App app = App.open(new App.Settings(Optional.of(TestDatabases.newPostgresUrl() + "&password=" + PG_PASSWORD),
                    dir), Clock.systemUTC());
            AccessService access = access(app);
            long plan = seed(app, access);
            String token = access.issue("ci", new Principal("alice", Role.ADMIN, Optional.empty())).secret();
            String feed = ((Outcome.Done<AccessService.IssuedFeedToken>) access.issueFeedToken("alice", "test"))
                    .value().secret();
            secrets.addAll(List.of(token, feed));
            WebServer server = WebServer.start(app, PolicyReader.defaults(), access, new WebSettings(false, false,
                    Optional.empty(), Optional.empty(), new WebSettings.Mail(org.breakwater.announce.Templates.defaults(),
                    "breakwater@localhost", Optional.empty(), Optional.of(new BusCourier(BusSettings.of(
                    "amqp://breakwater:" + BUS_PASSWORD + "@127.0.0.1:1/"))))), "127.0.0.1", 0);
            try {
                secrets.addAll(use(server, plan, token, feed));
                awaitLine(log, "outbox:"); // the bus delivery failed and said so
                app.close(); // the store goes away: the next request is a 500
                assertThat(browse(server, token, "/api/v1/services").statusCode()).isEqualTo(500);
            } finally {
                server.close();
            }
            lines = log.lines();
        }
        for (String secret : secrets) {
            assertThat(lines).as("log lines holding " + secret).noneMatch(l -> l.contains(secret));
        }
        assertThat(lines).anyMatch(l -> l.contains("path=\"/calendar.ics?token=****\""))
                .anyMatch(l -> l.contains("DEBUG") && l.contains("org.eclipse.jetty"))
                .anyMatch(l -> l.contains("user=alice")).anyMatch(l -> l.contains("internal error"));
    }

    static AccessService access(App app) {
        AccessService access = new AccessService(new JdbiAccessRepository(app.database().jdbi()), Clock.systemUTC(),
                new PasswordHasher(1_000), LoginThrottle.standard(new JdbiLoginAttempts(app.database().jdbi()),
                Clock.systemUTC()));
        access.saveAccount(new Principal("alice", Role.ADMIN, Optional.empty()), Optional.of(PASSWORD), "test");
        return access;
    }

    /** The demo catalog and a plan (whose event waits in the outbox for the bus). */
    static long seed(App app, AccessService access) throws Exception {
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(
                org.breakwater.apidiff.spec.ReadLimits.defaults()).read(Path.of("src/main/resources/demo/catalog"))));
        return ((Outcome.Done<org.breakwater.plan.Plan>) app.plans(PolicyReader.defaults()).create(new NewPlan("leak",
                Map.of("pkgdb", "2.0.0"), Map.of(), "production", Instant.now().plus(Duration.ofDays(20)),
                Duration.ofHours(4), "alice", Optional.empty(), PlanStatus.DRAFT))).value().id();
    }

    /** Uses the server as people do; returns the cookies' values it was given (secrets too). */
    static List<String> use(WebServer server, long plan, String token, String feed) throws Exception {
        LoginHttpTest.Browser browser = new LoginHttpTest.Browser(server);
        assertThat(browser.post("/login", LoginHttpTest.form("csrf", browser.csrf("/login"), "username", "alice",
                "password", WRONG, "next", "/")).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(browser.post("/login", LoginHttpTest.form("csrf", browser.csrf("/login"), "username", "alice",
                "password", PASSWORD, "next", "/")).statusCode()).isEqualTo(303);
        assertThat(browser.get("/plans/" + plan).statusCode()).isEqualTo(200);
        assertThat(browser.get("/no/such/page").statusCode()).isEqualTo(404);
        assertThat(browser.get("/calendar.ics?token=" + feed).statusCode()).isEqualTo(200);
        assertThat(browse(server, token, "/api/v1/services").statusCode()).isEqualTo(200);
        assertThat(send(server, token, "/api/v1/deployments", "{\"service\": \"nope\"}").statusCode()).isEqualTo(400);
        assertThat(send(server, UNKNOWN_TOKEN, "/api/v1/deployments", "{}").statusCode()).isEqualTo(401);
        List<String> cookies = new ArrayList<>();
        for (HttpCookie c : ((java.net.CookieManager) browser.http.cookieHandler().orElseThrow()).getCookieStore().getCookies()) {
            cookies.add(c.getValue());
        }
        assertThat(cookies).hasSizeGreaterThanOrEqualTo(2); // the session's and the form's
        return cookies;
    }

    static HttpResponse<String> browse(WebServer server, String token, String path) throws Exception {
        return new LoginHttpTest.Browser(server).http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token)
                .header("Cookie", "bw_session=" + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(WebServer server, String token, String path, String json) throws Exception {
        return new LoginHttpTest.Browser(server).http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + path)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers
                .ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (at most a minute) for a line containing {@code text}. */
    static void awaitLine(LogCapture log, String text) throws InterruptedException {
        for (int i = 0; i < 600 && log.messages().stream().noneMatch(l -> l.contains(text)); i++) {
            Thread.sleep(100);
        }
        assertThat(log.messages()).as("a line with " + text).anyMatch(l -> l.contains(text));
    }
}

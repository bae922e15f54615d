package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.breakwater.App;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.LoginThrottle;
import org.breakwater.auth.PasswordHasher;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.auth.store.JdbiAccessRepository;
import org.breakwater.auth.store.JdbiLoginAttempts;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.Cidr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks an outside test made on the login, replayed over real HTTP: a burst of
 * simultaneous guesses, locking an owner out by guessing from elsewhere, and many people behind
 * one proxy. One server is reached directly, one behind a trusted proxy (this test, on
 * 127.0.0.1, plays the proxy and writes X-Forwarded-For).
 */
class LoginAttackHttpTest {
    static final String PASSWORD = LoginHttpTest.PASSWORD;

    @TempDir
    static Path dir;

    static App app;
    static WebServer direct;
    static WebServer proxied;

    @BeforeAll
    static void start() {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        // a hash slow enough (tens of milliseconds) that simultaneous requests overlap while it runs
        AccessService access = new AccessService(new JdbiAccessRepository(app.database().jdbi()), Clock.systemUTC(),
                new PasswordHasher(50_000), LoginThrottle.standard(new JdbiLoginAttempts(app.database().jdbi()),
                Clock.systemUTC()));
        for (String user : List.of("target", "pingou", "adamwill", "kevin")) {
            access.saveAccount(new Principal(user, Role.VIEWER, Optional.empty()), Optional.of(PASSWORD), "test");
        }
        direct = WebServer.start(app, PolicyReader.defaults(), access, WebSettings.defaults(), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()));
        proxied = WebServer.start(app, PolicyReader.defaults(), access, WebSettings.defaults().with(
                new Network(Optional.empty(), List.of(Cidr.parse("127.0.0.1/32").orElseThrow()))), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        direct.close();
        proxied.close();
        app.close();
    }

    /** A login form post with a valid form token, from {@code client} as X-Forwarded-For (when given). */
    static HttpRequest login(LoginHttpTest.Browser b, String csrf, String user, String password, String client) {
        String body = "csrf=" + csrf + "&username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder r = HttpRequest.newBuilder(b.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (client != null) {
            r.header("X-Forwarded-For", client);
        }
        return r.build();
    }

    static int status(LoginHttpTest.Browser b, String user, String password, String client) throws Exception {
        return b.http.send(login(b, b.csrf("/login"), user, password, client), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void ninety_nine_simultaneous_guesses_get_five_password_checks_and_then_not_even_the_right_password_gets_in()
            throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(direct);
        String csrf = b.csrf("/login");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(b.http.cookieHandler()
                .orElseThrow()).build();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            burst.add(http.sendAsync(login(b, csrf, "target", "guess " + i, null), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            answers.add(f.get());
        }
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                Collectors.counting()));
        assertThat(byStatus).as("status counts").containsOnlyKeys(401, 429).containsEntry(401, 5L).containsEntry(429, 94L);
        assertThat(answers).filteredOn(r -> r.statusCode() == 429)
                .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
        assertThat(status(b, "target", PASSWORD, null)).as("the right password after the burst").isEqualTo(429);
    }

    @Test
    void guessing_an_account_from_many_addresses_does_not_lock_its_owner_out_of_an_address_that_worked_before()
            throws Exception {
        LoginHttpTest.Browser owner = new LoginHttpTest.Browser(proxied);
        assertThat(status(owner, "pingou", PASSWORD, "192.0.2.10")).isEqualTo(303);
        LoginHttpTest.Browser attacker = new LoginHttpTest.Browser(proxied);
        for (int i = 0; i < 12; i++) {
            assertThat(status(attacker, "pingou", "guess", "198.51.100." + i)).isIn(401, 429);
        }
        assertThat(status(attacker, "pingou", PASSWORD, "198.51.100.99")).as("a stranger's address").isEqualTo(429);
        assertThat(status(new LoginHttpTest.Browser(proxied), "pingou", PASSWORD, "192.0.2.10")).as("the owner's address")
                .isEqualTo(303);
    }

    @Test
    void behind_a_trusted_proxy_one_guessing_client_does_not_hold_back_the_others() throws Exception {
        LoginHttpTest.Browser attacker = new LoginHttpTest.Browser(proxied);
        for (int i = 0; i < 35; i++) {
            assertThat(status(attacker, "nobody" + i, "guess", "203.0.113.9")).isIn(401, 429);
        }
        assertThat(status(attacker, "adamwill", PASSWORD, "203.0.113.9")).isEqualTo(429);
        assertThat(status(new LoginHttpTest.Browser(proxied), "adamwill", PASSWORD, "192.0.2.44")).isEqualTo(303);
        assertThat(status(new LoginHttpTest.Browser(proxied), "adamwill", PASSWORD, "192.0.2.45, 203.0.113.9"))
                .as("an address the client wrote left of the proxy's is not believed").isEqualTo(429);
    }

    @Test
    void without_a_trusted_proxy_x_forwarded_for_is_ignored() throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(direct);
        for (int i = 0; i < 5; i++) {
            assertThat(status(b, "kevin", "guess", "198.51.100." + i)).isEqualTo(401);
        }
        assertThat(status(b, "kevin", PASSWORD, "192.0.2.77")).as("still 127.0.0.1").isEqualTo(429);
    }
}

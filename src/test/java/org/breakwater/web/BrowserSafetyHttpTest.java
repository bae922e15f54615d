package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a browser keeps and what another site can make it do, over real HTTP: a second login ends
 * the first session, personal pages are never cached, and form posts another site sends are
 * refused even before their CSRF token is looked at.
 */
class BrowserSafetyHttpTest {
    static final String PASSWORD = LoginHttpTest.PASSWORD;

    @TempDir
    static Path dir;

    static App app;
    static AccessService access;
    static WebServer open;
    static WebServer closed;
    static WebServer published;

    @BeforeAll
    static void start() {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        access = app.access();
        for (String user : List.of("adamwill", "pingou")) {
            access.saveAccount(new Principal(user, Role.VIEWER, Optional.empty()), Optional.of(PASSWORD), "test");
        }
        open = WebServer.start(app, PolicyReader.defaults(), access, WebSettings.defaults(), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()));
        closed = WebServer.start(app, PolicyReader.defaults(), access, new WebSettings(true, false, Optional.empty()),
                "127.0.0.1", 0, new PrintWriter(new StringWriter()));
        published = WebServer.start(app, PolicyReader.defaults(), access, WebSettings.defaults().with(
                new Network(Optional.of("https://breakwater.example.org/"), List.of())), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        open.close();
        closed.close();
        published.close();
        app.close();
    }

    static String sessionSecret(LoginHttpTest.Browser b) {
        return ((java.net.CookieManager) b.http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(WebAuth.SESSION_COOKIE)).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    @Test
    void a_second_login_in_the_same_browser_ends_the_first_session_on_the_server() throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(open);
        assertThat(b.login("adamwill", PASSWORD).statusCode()).isEqualTo(303);
        String first = sessionSecret(b);
        assertThat(access.session(first)).isPresent();
        String formToken = ((java.net.CookieManager) b.http.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals(WebAuth.FORM_COOKIE)).findFirst().orElseThrow().getValue();
        // the login form's token is its double-submit cookie (a logged-in page's first token is the log-out form's)
        HttpResponse<String> second = b.post("/login", LoginHttpTest.form("csrf", formToken, "username", "pingou",
                "password", PASSWORD));
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(access.session(first)).as("the first session").isEmpty();
        assertThat(b.get("/").body()).contains("pingou (viewer)");
    }

    @Test
    void personal_answers_are_never_stored_and_public_ones_are_checked_again_each_time() throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(open);
        assertThat(b.get("/").headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(b.get("/login").headers().firstValue("Cache-Control")).as("it sets the form's cookie")
                .contains("no-store");
        b.login("adamwill", PASSWORD);
        HttpResponse<String> page = b.get("/");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Vary")).contains("Cookie");
        assertThat(new LoginHttpTest.Browser(closed).get("/login").headers().firstValue("Cache-Control"))
                .as("reading needs a login: everything is personal").contains("no-store");
        assertThat(b.http.send(HttpRequest.newBuilder(b.uri("/api/v1/services")).header("Authorization", "Bearer x")
                .build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Cache-Control")).contains("no-store");
    }

    HttpResponse<String> logout(LoginHttpTest.Browser b, String... headers) throws Exception {
        String csrf = b.csrf("/");
        HttpRequest.Builder r = HttpRequest.newBuilder(b.uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return b.http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_form_another_site_makes_the_browser_post_is_refused_and_changes_nothing() throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(open);
        b.login("adamwill", PASSWORD);
        String secret = sessionSecret(b);
        for (String[] crossSite : List.of(new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"}, new String[] {"Origin", "http://evil.example"},
                new String[] {"Origin", "null"})) {
            HttpResponse<String> r = logout(b, crossSite);
            assertThat(r.statusCode()).as(String.join(": ", crossSite)).isEqualTo(403);
            assertThat(r.body()).contains("sent from another site");
            assertThat(access.session(secret)).as("still logged in").isPresent();
        }
        HttpResponse<String> login = new LoginHttpTest.Browser(open).http.send(HttpRequest.newBuilder(b.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("username=pingou")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("a login another site posts").isEqualTo(403);
        assertThat(logout(b, "Sec-Fetch-Site", "same-origin", "Origin", "http://127.0.0.1:" + open.port()).statusCode())
                .isEqualTo(303);
        assertThat(access.session(secret)).isEmpty();
    }

    @Test
    void forms_from_our_own_pages_and_from_tools_without_those_headers_still_work() throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(open);
        b.login("adamwill", PASSWORD);
        assertThat(logout(b, "Origin", "http://127.0.0.1:" + open.port()).statusCode()).isEqualTo(303);
        LoginHttpTest.Browser tool = new LoginHttpTest.Browser(open);
        tool.login("adamwill", PASSWORD);
        assertThat(logout(tool).statusCode()).isEqualTo(303);
        LoginHttpTest.Browser behindProxy = new LoginHttpTest.Browser(published);
        behindProxy.login("adamwill", PASSWORD);
        assertThat(logout(behindProxy, "Origin", "http://127.0.0.1:" + published.port()).statusCode())
                .as("with a public URL, only its origin is ours").isEqualTo(403);
        assertThat(logout(behindProxy, "Origin", "https://breakwater.example.org").statusCode()).isEqualTo(303);
    }
}

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
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
import org.breakwater.catalog.Outcome;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds for calendar and feed readers, over real HTTP: when reading needs a login a feed token
 * opens the .ics and Atom feeds and nothing else; Atom links come from the configured public URL,
 * never from the Host header a client sends.
 */
class FeedTokenHttpTest {
    @TempDir
    static Path dir;

    static App app;
    static AccessService access;
    static WebServer closed;
    static WebServer published;
    static WebServer unpublished;

    @BeforeAll
    static void start() {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        access = app.access();
        access.saveAccount(new Principal("ralph", Role.VIEWER, Optional.empty()), Optional.empty(), "test");
        access.saveAccount(new Principal("gone", Role.VIEWER, Optional.empty()), Optional.empty(), "test");
        access.saveAccount(new Principal("adamwill", Role.VIEWER, Optional.empty()), Optional.of(LoginHttpTest.PASSWORD),
                "test");
        closed = WebServer.start(app, PolicyReader.defaults(), access, new WebSettings(true, false, Optional.empty()),
                "127.0.0.1", 0, new PrintWriter(new StringWriter()));
        published = WebServer.start(app, PolicyReader.defaults(), access, WebSettings.defaults().with(
                new Network(Optional.of("https://breakwater.example.org"), List.of())), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()));
        unpublished = WebServer.start(app, PolicyReader.defaults(), access, WebSettings.defaults(), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        closed.close();
        published.close();
        unpublished.close();
        app.close();
    }

    static String feedToken(String user) {
        return ((Outcome.Done<AccessService.IssuedFeedToken>) access.issueFeedToken(user, "test")).value().secret();
    }

    @Test
    void a_feed_token_lets_a_calendar_client_read_the_feeds_when_reading_needs_a_login() throws Exception {
        LoginHttpTest.Browser reader = new LoginHttpTest.Browser(closed);
        String token = feedToken("ralph");
        HttpResponse<String> ics = reader.get("/calendar.ics?token=" + token);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR");
        assertThat(ics.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(reader.get("/feeds/announcements.atom?token=" + token).body()).contains("<feed ");
        assertThat(reader.get("/calendar.ics").statusCode()).as("no token").isEqualTo(303);
        assertThat(reader.get("/calendar.ics?token=bwf_made-up").statusCode()).isEqualTo(303);
    }

    @Test
    void a_revoked_token_or_one_of_a_disabled_account_opens_nothing() throws Exception {
        LoginHttpTest.Browser reader = new LoginHttpTest.Browser(closed);
        String revoked = feedToken("ralph");
        long id = access.feedTokens().stream().mapToLong(t -> t.id()).max().orElseThrow();
        assertThat(reader.get("/calendar.ics?token=" + revoked).statusCode()).isEqualTo(200);
        assertThat(access.revokeFeedToken(id, "test")).isTrue();
        HttpResponse<String> refused = reader.get("/calendar.ics?token=" + revoked);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).as("the token is not carried on").contains("/login?next=%2Fcalendar.ics");
        String disabled = feedToken("gone");
        access.disable("gone", "test");
        assertThat(reader.get("/calendar.ics?token=" + disabled).statusCode()).isEqualTo(303);
    }

    @Test
    void a_feed_token_opens_the_feeds_only_and_an_api_token_is_no_feed_token() throws Exception {
        LoginHttpTest.Browser reader = new LoginHttpTest.Browser(closed);
        String token = feedToken("ralph");
        for (String path : List.of("/", "/calendar", "/services/pkgdb", "/plans/1", "/api/v1/services", "/api/v1/status")) {
            assertThat(reader.get(path + "?token=" + token).statusCode()).as(path).isIn(303, 401);
        }
        assertThat(reader.http.send(HttpRequest.newBuilder(reader.uri("/api/v1/services"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        assertThat(reader.post("/logout?token=" + token, LoginHttpTest.form("csrf", "x")).statusCode()).isIn(303, 401);
        String api = access.issue("reader", new Principal("ralph", Role.VIEWER, Optional.empty())).secret();
        assertThat(reader.get("/calendar.ics?token=" + api).statusCode()).isEqualTo(303);
    }

    /** A request with a Host header of the client's choosing (HttpClient will not send one). */
    static String getWithHost(WebServer server, String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void atom_links_start_with_the_public_url_and_never_with_the_host_a_client_sends() throws Exception {
        String feed = getWithHost(published, "/feeds/announcements.atom", "evil.example");
        assertThat(feed).contains("<link rel=\"self\" href=\"https://breakwater.example.org/feeds/announcements.atom\"/>")
                .contains("<id>urn:breakwater:feed:announcements</id>").doesNotContain("evil.example");
        String plain = getWithHost(unpublished, "/feeds/announcements.atom", "evil.example");
        assertThat(plain).contains("<link rel=\"self\" href=\"/feeds/announcements.atom\"/>")
                .contains("<link rel=\"alternate\" href=\"/\"/>").doesNotContain("evil.example");
    }

    @Test
    void the_account_page_makes_shows_once_and_revokes_the_users_own_feed_tokens() throws Exception {
        LoginHttpTest.Browser b = new LoginHttpTest.Browser(closed);
        assertThat(b.get("/account").statusCode()).as("not logged in").isEqualTo(303);
        b.login("adamwill", LoginHttpTest.PASSWORD);
        String page = b.get("/account").body();
        assertThat(page).contains("Feed tokens").contains("Make a feed token").contains("href=\"/account\"");
        String csrf = b.csrf("/account");
        HttpResponse<String> made = b.post("/account/feed-tokens", LoginHttpTest.form("csrf", csrf));
        assertThat(made.statusCode()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/calendar\\.ics\\?token=(bwf_[A-Za-z0-9_-]+)")
                .matcher(made.body());
        assertThat(m.find()).as(made.body()).isTrue();
        String token = m.group(1);
        assertThat(new LoginHttpTest.Browser(closed).get("/calendar.ics?token=" + token).statusCode()).isEqualTo(200);
        assertThat(b.get("/account").body()).as("shown once").doesNotContain(token).contains("Revoke");
        long id = access.feedTokens().stream().filter(t -> t.username().equals("adamwill")).mapToLong(t -> t.id())
                .max().orElseThrow();
        String others = feedToken("ralph");
        long othersId = access.feedTokens().stream().mapToLong(t -> t.id()).max().orElseThrow();
        assertThat(b.post("/account/feed-tokens/" + othersId + "/revoke", LoginHttpTest.form("csrf", csrf)).statusCode())
                .as("someone else's").isEqualTo(404);
        assertThat(new LoginHttpTest.Browser(closed).get("/calendar.ics?token=" + others).statusCode()).isEqualTo(200);
        assertThat(b.post("/account/feed-tokens/" + id + "/revoke", LoginHttpTest.form("csrf", csrf)).statusCode())
                .isEqualTo(303);
        assertThat(new LoginHttpTest.Browser(closed).get("/calendar.ics?token=" + token).statusCode()).isEqualTo(303);
    }
}

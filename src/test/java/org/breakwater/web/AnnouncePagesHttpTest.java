package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breakwater.App;
import org.breakwater.announce.Templates;
import org.breakwater.announce.mail.FolderCourier;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Announcements through the pages on the demo: write a draft, preview it as it will be mailed,
 * edit it (header injection refused), send it — and the server's own courier delivers it
 * (here into a folder) and the gate turns green; a viewer may read but not send.
 */
class AnnouncePagesHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dir;

    static DemoSite demo;
    static App app;
    static WebServer server;
    static Path outgoing;

    @BeforeAll
    static void start() {
        outgoing = dir.resolve("outgoing");
        demo = DemoSite.start(dir, new WebSettings(false, false, Optional.empty(), Optional.empty(),
                new WebSettings.Mail(Templates.defaults(), "breakwater@fedoraproject.org",
                        Optional.of(new FolderCourier(outgoing, "breakwater@fedoraproject.org")))));
        app = demo.app();
        server = demo.server();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String... pairs) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    void login(String user) throws Exception {
        HttpResponse<String> r = post("/login", "csrf", csrf("/login"), "username", user, "password", "breakwater-demo");
        assertThat(r.statusCode()).isEqualTo(303);
    }

    @Test
    void the_owner_writes_previews_edits_and_sends_the_api_break_notice_and_its_gate_turns_green() throws Exception {
        assertThat(get("/plans/1").body()).contains("id=\"announcements\"").contains("outage-notice")
                .contains("Planned Outage: fas, pkgdb").doesNotContain("id=\"draft-form\"");
        login("pingou");
        String csrf = csrf("/plans/1");
        assertThat(get("/plans/1").body()).contains("id=\"draft-form\"");
        HttpResponse<String> made = post("/plans/1/announcements", "csrf", csrf, "kind", "api-break-notice",
                "notes", "Port to /api/package/ <see the guide>");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        String page = made.headers().firstValue("Location").orElseThrow();
        assertThat(page).matches("/announcements/\\d+");
        String preview = get(page).body();
        assertThat(preview).contains("<pre class=\"mail\">From: breakwater@fedoraproject.org")
                .contains("What breaks, operation by operation:").contains("Port to /api/package/ &lt;see the guide&gt;")
                .contains("id=\"send-form\"");

        HttpResponse<String> injected = post(page, "csrf", csrf, "subject", "Outage\r\nBcc: victim@example.org");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(injected.body()).contains("line break");
        assertThat(post(page, "csrf", csrf, "subject", "pkgdb2: API-breaking update").statusCode()).isEqualTo(303);
        assertThat(post(page + "/send", "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(get(page).body()).contains("queued").contains("&lt;breakwater.announcement-")
                .doesNotContain("id=\"send-form\"");
        assertThat(post(page + "/send", "csrf", csrf).statusCode()).as("sent once only").isEqualTo(400);

        Path file = null;
        for (int i = 0; i < 300 && file == null; i++) { // the server's courier runs every 10 seconds
            if (Files.isDirectory(outgoing)) {
                try (Stream<Path> files = Files.list(outgoing)) {
                    file = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElse(null);
                }
            }
            Thread.sleep(100);
        }
        assertThat(file).as("delivered by the server").isNotNull();
        assertThat(Files.readString(file)).contains("Subject: pkgdb2: API-breaking update");
        for (int i = 0; i < 50 && !get(page).body().contains(">sent"); i++) {
            Thread.sleep(100);
        }
        String plan = get("/plans/1").body();
        assertThat(plan).contains("mail &lt;breakwater.announcement-").contains("announcement-sent");
    }

    @Test
    void a_viewer_reads_announcements_but_cannot_write_or_send_them() throws Exception {
        login("adamwill");
        String csrf = csrf("/plans/1");
        assertThat(post("/plans/1/announcements", "csrf", csrf, "kind", "done").statusCode()).isEqualTo(403);
        assertThat(post("/announcements/1/send", "csrf", csrf).statusCode()).isEqualTo(403);
        assertThat(get("/announcements/1").body()).contains("Planned Outage: fas, pkgdb").doesNotContain("id=\"send-form\"");
        assertThat(get("/announcements/999").statusCode()).isEqualTo(404);
    }

    @Test
    void sent_announcements_make_atom_feeds_and_plans_make_a_status_for_status_pages() throws Exception {
        var service = app.announcements(PolicyReader.defaults(), Templates.defaults(), "breakwater@fedoraproject.org");
        var made = ((org.breakwater.catalog.Outcome.Done<java.util.List<org.breakwater.announce.Announcement>>)
                service.draft(1, org.breakwater.announce.Kind.CALL_FOR_TESTING, Optional.empty(), Optional.empty(), "pingou"))
                .value().get(0);
        service.send(made.id(), "pingou");
        service.deliver(java.util.Map.of(org.breakwater.announce.OutboxEntry.Channel.MAIL,
                new FolderCourier(dir.resolve("feed-mail"), "breakwater@fedoraproject.org")), 10);
        HttpResponse<String> all = get("/feeds/announcements.atom");
        assertThat(all.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        assertThat(all.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .contains("<title>Call for testing: fas, pkgdb in staging (API-BREAKING)</title>")
                .contains("<category term=\"call-for-testing\"/>").contains("<id>urn:breakwater:announcement:" + made.id() + "</id>");
        assertThat(get("/services/pkgdb/announcements.atom").body()).contains("Call for testing: fas, pkgdb");
        assertThat(get("/services/koji/announcements.atom").body()).doesNotContain("<entry>");
        assertThat(get("/services/nosuch/announcements.atom").statusCode()).isEqualTo(404);

        String status = get("/api/v1/status").body();
        assertThat(status).contains("\"plan\":1,").contains("\"state\":\"planned\"")
                .contains("\"plan\":3,").contains("\"state\":\"ongoing\"").doesNotContain("\"plan\":2,");
    }

    @Test
    void the_service_and_plan_pages_show_what_the_demos_access_logs_say() throws Exception {
        String service = get("/services/pkgdb").body();
        assertThat(service).contains("Callers seen in the access logs")
                .contains("<td class=\"failed\">unknown (fedora-review/0.5.2 from 192.0.2.44)</td>")
                .contains("bodhi-pkgdb-client").contains("<code>GET /acls/name/{}</code>");
        String plan = get("/plans/1").body();
        assertThat(plan).contains("Still calling what breaks (access logs, last 30 days)")
                .contains("unknown (fedora-review/0.5.2 from 192.0.2.44)").contains("<td>40</td>")
                .contains("1 caller(s) in red are in no catalog");
        assertThat(get("/services/koji").body()).contains("No access log read yet");
    }
}

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.breakwater.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-rendered pages over real HTTP: content, escaping, error pages, security headers. */
class PagesHttpTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static long planId;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = CatalogSite.open(dir);
        CatalogSite.pkgdbDeployed(app, Instant.now(), Optional.of("routine <update>"));
        planId = CatalogSite.pkgdb2(app, "pkgdb2 <script>alert(1)</script>", Instant.now());
        app.calendar().replace("test.yaml", java.util.List.of(new org.breakwater.calendar.Window("Fedora 21 <Beta> freeze",
                org.breakwater.calendar.WindowKind.FREEZE, Instant.now().plus(Duration.ofDays(2)),
                Instant.now().plus(Duration.ofDays(9)))), java.util.List.of());
        server = CatalogSite.serve(app);
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

    @Test
    void the_dashboard_lists_upcoming_plans_with_their_gate_progress_and_escapes_their_titles() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("Upcoming deployments").contains("href=\"/plans/" + planId + "\"")
                .contains("pkgdb2 &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .containsPattern("\\d+ of \\d+ met").contains("href=\"/services/pkgdb\"");
    }

    @Test
    void the_service_page_shows_what_runs_where_history_and_consumers() throws Exception {
        String body = get("/services/pkgdb").body();
        assertThat(body).contains("What runs where").contains("1.9.2").contains("2.0.0")
                .contains("routine &lt;update&gt;").contains("faf-pkgdb-importer").contains("pkgdb → bodhi");
    }

    @Test
    void the_plan_page_shows_the_verdict_the_gates_and_who_each_break_hits() throws Exception {
        String body = get("/plans/" + planId).body();
        assertThat(body).contains("Policy: applies").contains("api-break-notice").contains("class=\"pending\"")
                .contains("outside infrastructure").contains("GET /packages/name/{package}")
                .contains("packages-pkgdb-connector");
    }

    @Test
    void missing_pages_are_pages_and_every_answer_carries_the_security_headers() throws Exception {
        HttpResponse<String> r = get("/services/nosuch");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("no service &#39;nosuch&#39;");
        assertThat(get("/plans/abc").statusCode()).isEqualTo(400);
        HttpResponse<String> nowhere = get("/nowhere");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("nothing at /nowhere").contains("Back to the dashboard");
        for (String path : new String[] {"/", "/api/v1/services", "/nowhere"}) {
            HttpResponse<String> a = get(path);
            assertThat(a.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(a.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            assertThat(a.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void the_calendar_shows_freezes_and_deployments_by_day_and_offers_the_ics_feed() throws Exception {
        String page = get("/calendar").body();
        assertThat(page).contains("href=\"/calendar.ics\"").contains("Fedora 21 &lt;Beta&gt; freeze")
                .contains("href=\"/plans/" + planId + "\"").contains("deploy: pkgdb2 &lt;script&gt;");
        HttpResponse<String> ics = get("/calendar.ics");
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR").contains("UID:plan-" + planId + "@breakwater")
                .contains("SUMMARY:Deployment: pkgdb2 <script>alert(1)</script> (production)");
    }

    static HttpResponse<String> postForm(String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/compare"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_compare_page_reports_what_the_command_line_would_and_refuses_a_post_without_its_token() throws Exception {
        HttpResponse<String> form = get("/compare");
        String setCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.split(";")[0];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).isTrue();
        String old = java.nio.file.Files.readString(Path.of("src/main/resources/demo/catalog/apis/fas/v1/fas.yaml"));
        String neu = java.nio.file.Files.readString(Path.of("src/main/resources/demo/catalog/apis/fas/v2/fas.yaml"));
        String body = "csrf=" + enc(m.group(1)) + "&old=" + enc(old) + "&new=" + enc(neu);
        HttpResponse<String> report = postForm(cookie, body);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<html").containsIgnoringCase("breaking").contains("/json/bugzilla_email");
        assertThat(postForm(null, body).statusCode()).isEqualTo(403);
        assertThat(postForm("bw_csrf=forged", body).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = postForm(cookie, "csrf=" + enc(m.group(1)) + "&old=" + enc("openapi: 9") + "&new=x");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("the old description does not read");
    }

    @Test
    void the_compare_page_takes_uploaded_files_and_names_them_in_the_report() throws Exception {
        HttpResponse<String> form = get("/compare");
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"").contains("type=\"file\" name=\"oldFile\"");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).isTrue();
        String boundary = "----breakwater-test-boundary";
        StringBuilder body = new StringBuilder();
        java.util.function.BiConsumer<String, String[]> part = (name, fileAndContent) -> {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
            if (fileAndContent[0] != null) {
                body.append("; filename=\"").append(fileAndContent[0]).append("\"\r\nContent-Type: application/yaml");
            }
            body.append("\r\n\r\n").append(fileAndContent[1]).append("\r\n");
        };
        part.accept("csrf", new String[] {null, m.group(1)});
        part.accept("oldFile", new String[] {"fas-v1.yaml", java.nio.file.Files.readString(
                Path.of("src/main/resources/demo/catalog/apis/fas/v1/fas.yaml"))});
        part.accept("old", new String[] {null, ""});
        part.accept("newFile", new String[] {"", ""}); // no file chosen: the pasted text counts
        part.accept("new", new String[] {null, java.nio.file.Files.readString(
                Path.of("src/main/resources/demo/catalog/apis/fas/v2/fas.yaml"))});
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/compare")).header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("fas-v1.yaml").contains("/json/bugzilla_email");
    }
}

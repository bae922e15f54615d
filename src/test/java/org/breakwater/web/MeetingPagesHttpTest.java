package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.announce.Templates;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.meeting.MeetBotLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meetings in the REST API and on the pages, on the demo: ingest minutes, read them back with
 * every line, confirm an ambiguous match, upload through the page; a viewer may read but not ingest.
 */
class MeetingPagesHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final LocalDate TWO_DAYS_AGO = LocalDate.now(ZoneOffset.UTC).minusDays(2);

    @TempDir
    static Path dir;

    static DemoSite demo;
    static App app;

    @BeforeAll
    static void start() {
        demo = DemoSite.start(dir, new WebSettings(false, false, Optional.empty(), Optional.empty(),
                new WebSettings.Mail(Templates.defaults(), "breakwater@fedoraproject.org", Optional.empty())));
        app = demo.app();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(demo.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.base() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String token(String user, Role role, String team) {
        return app.access().issue("test", new Principal(user, role, Optional.ofNullable(team))).secret();
    }

    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void minutes_ingested_through_the_api_are_read_back_with_their_lines_and_an_ambiguous_item_is_confirmed()
            throws Exception {
        String log = MeetBotLog.of(TWO_DAYS_AGO, "18:01:00 <nirik> #topic bodhi2 (BW-2)",
                "18:02:00 <nirik> #topic pkgdb and bodhi", "18:03:00 <nirik> #agreed wikii is not essential");
        String viewer = token("adamwill", Role.VIEWER, null);
        assertThat(post("/api/v1/meetings?name=a.log.txt", viewer, "text/plain", log).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/meetings?name=a.log.txt", null, "text/plain", log).statusCode()).isEqualTo(401);
        String nirik = token("nirik", Role.ADMIN, null);
        HttpResponse<String> made = post("/api/v1/meetings?name=infrastructure.log.txt", nirik, "text/plain", log);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode shown = new ObjectMapper().readTree(made.body());
        long id = shown.get("meeting").get("id").asLong();
        assertThat(shown.get("items").get(0).get("line").asInt()).isEqualTo(6);
        HttpResponse<String> again = post("/api/v1/meetings?name=copy.log.txt", nirik, "text/plain", log);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("nothing recorded twice");
        assertThat(post("/api/v1/meetings?name=x.md", nirik, "text/plain", "# notes").body()).contains("unknown format");

        JsonNode list = new ObjectMapper().readTree(get("/api/v1/meetings").body());
        assertThat(list.get("total").asInt()).isEqualTo(3);
        assertThat(list.get("items").findValues("id")).extracting(JsonNode::asLong).contains(id);
        assertThat(new ObjectMapper().readTree(get("/api/v1/meetings/" + id).body()).get("items")).hasSize(3);
        assertThat(get("/api/v1/meetings/999").statusCode()).isEqualTo(404);
        JsonNode agenda = new ObjectMapper().readTree(get("/api/v1/meetings/agenda").body());
        assertThat(agenda.get("lines").get(0).asText()).startsWith("#topic BW-");
        assertThat(get("/api/v1/meetings/agenda?date=soon").statusCode()).isEqualTo(400);

        String page = get("/meetings/" + id).body();
        assertThat(page).contains("id=\"line-6\"").contains("recorded meeting evidence on plan BW-2")
                .contains("&#39;wikii&#39; is not a service in the catalog");
        long pending = shown.get("items").get(1).get("id").asLong();
        HttpResponse<String> confirmed = post("/api/v1/meetings/items/" + pending + "/confirm", nirik,
                "application/json", "{\"choice\": \"service:bodhi\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(confirmed.body()).get("state").asText()).isEqualTo("confirmed");
        assertThat(get("/plans/2").body()).contains("href=\"/meetings/" + id + "#line-6\"");
        assertThat(get("/plans/1").body()).as("the demo's #action lines about BW-1")
                .contains("<h2 id=\"follow-ups\">Follow-ups from the weekly meeting</h2>")
                .contains("pingou to send the API-break notice and the outage announcement for BW-1 (nirik, ");
    }

    @Test
    void the_pages_list_show_and_take_an_upload_and_a_confirmation_from_a_logged_in_owner() throws Exception {
        assertThat(get("/meetings").body()).contains("The next meeting").contains("Log in</a> to ingest");
        assertThat(get("/meetings/agenda").body()).contains("Agenda of the weekly meeting").contains("#topic BW-");
        assertThat(post("/login", null, "application/x-www-form-urlencoded", form("csrf", csrf("/login"), "username",
                "pingou", "password", "breakwater-demo")).statusCode()).isEqualTo(303);
        String csrf = csrf("/meetings");
        assertThat(get("/meetings").body()).contains("id=\"upload-form\"");
        String log = MeetBotLog.of(TWO_DAYS_AGO.minusDays(7), "18:02:00 <nirik> #topic pkgdb and bodhi",
                "18:03:00 <nirik> #action pingou to write the migration guide for BW-1");
        HttpResponse<String> up = post("/meetings", null, "application/x-www-form-urlencoded",
                form("csrf", csrf, "text", log));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
        String where = up.headers().firstValue("Location").orElseThrow();
        String page = get(where).body();
        assertThat(page).contains("pending").contains("<option value=\"service:bodhi\">service bodhi</option>")
                .contains("pingou to write the migration guide");
        Matcher item = Pattern.compile("/meetings/items/(\\d+)/confirm").matcher(page);
        assertThat(item.find()).isTrue();
        HttpResponse<String> ok = post("/meetings/items/" + item.group(1) + "/confirm", null,
                "application/x-www-form-urlencoded", form("csrf", csrf, "choice", "none"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(get(where).body()).contains("rejected by pingou");
        assertThat(post("/meetings", null, "application/x-www-form-urlencoded", form("csrf", csrf, "url",
                "http://example.org/minutes.txt")).body()).contains("example.org is not a host minutes may be fetched from");
    }
}

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents over the REST API and on the pages, on the demo served by a real server. */
class IncidentHttpTest {
    @TempDir
    static Path dir;

    static DemoSite demo;
    static App app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        demo = DemoSite.start(dir, WebSettings.defaults());
        app = demo.app();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.base() + path))
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String user, Role role, String team) {
        return app.access().issue("test", new Principal(user, role, Optional.ofNullable(team))).secret();
    }

    @Test
    void an_incident_is_opened_acknowledged_assigned_resolved_and_read_back_over_the_api() throws Exception {
        String owner = token("pingou", Role.SERVICE_OWNER, "infrastructure");
        HttpResponse<String> open = send("POST", "/api/v1/incidents", owner, "{\"title\": \"bodhi cannot read ACLs\","
                + " \"service\": \"pkgdb\", \"severity\": \"critical\", \"consumer\": \"bodhi-pkgdb-client\","
                + " \"links\": [\"https://pagure.io/pkgdb2/issue/9\"]}");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(201);
        String id = open.body().replaceAll("(?s).*\"id\" : (\\d+).*", "$1");
        assertThat(send("POST", "/api/v1/incidents/" + id + "/acknowledge", owner, null).body())
                .contains("\"status\" : \"acknowledged\"", "\"acknowledgedBy\" : \"pingou\"");
        assertThat(send("POST", "/api/v1/incidents/" + id + "/assign", owner, "{\"person\": \"ralph\"}").body())
                .contains("\"assignee\" : \"ralph\"");
        assertThat(send("POST", "/api/v1/incidents/" + id + "/resolve", owner, "{\"note\": \"fixed\"}").body())
                .contains("\"status\" : \"resolved\"");
        HttpResponse<String> again = send("POST", "/api/v1/incidents/" + id + "/resolve", owner, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is resolved");
        assertThat(send("GET", "/api/v1/incidents/" + id, null, null).body()).contains("\"action\" : \"opened\"",
                "\"action\" : \"acknowledged\"", "\"action\" : \"assigned\"", "\"action\" : \"resolved\"");
        assertThat(send("GET", "/api/v1/incidents?status=resolved", null, null).body()).contains("bodhi cannot read ACLs");
    }

    @Test
    void writes_need_a_token_of_an_owner_or_admin_and_bad_input_is_a_problem() throws Exception {
        String body = "{\"title\": \"t\", \"service\": \"pkgdb\"}";
        assertThat(send("POST", "/api/v1/incidents", null, body).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/incidents", token("adamwill", Role.VIEWER, null), body).statusCode())
                .isEqualTo(403);
        String admin = token("nirik", Role.ADMIN, null);
        HttpResponse<String> unknown = send("POST", "/api/v1/incidents", admin, "{\"title\": \"t\", \"service\": \"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no service 'x'");
        assertThat(send("POST", "/api/v1/incidents", admin, "{\"title\": \"t\", \"service\": \"pkgdb\", \"severity\":"
                + " \"awful\"}").body()).contains("no severity 'awful'");
        assertThat(send("POST", "/api/v1/incidents/99999/acknowledge", admin, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/incidents/abc", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/v1/incidents?status=gone", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void the_incident_pages_list_show_and_change_incidents_for_a_logged_in_owner() throws Exception {
        Visitor anonymous = new Visitor(demo.server());
        assertThat(anonymous.get("/incidents").statusCode()).isEqualTo(200);
        Visitor pingou = new Visitor(demo.server()).login("pingou");
        String csrf = pingou.csrf("/incidents");
        HttpResponse<String> opened = pingou.post("/incidents", "csrf", csrf, "service", "pkgdb", "title",
                "packages app <shows> errors", "severity", "major", "consumer", "packages-app");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        String page = opened.headers().firstValue("Location").orElseThrow();
        assertThat(pingou.get("/incidents").body()).contains("packages app &lt;shows&gt; errors");
        assertThat(pingou.get(page).body()).contains("Acknowledge", "History", "pingou");
        assertThat(pingou.post(page + "/acknowledge", "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(pingou.post(page + "/assign", "csrf", csrf, "person", "ralph").statusCode()).isEqualTo(303);
        assertThat(pingou.post(page + "/resolve", "csrf", csrf, "note", "restarted").statusCode()).isEqualTo(303);
        String shown = anonymous.get(page).body();
        assertThat(shown).contains("resolved", "acknowledged", "assigned: ralph", "resolved: restarted")
                .doesNotContain("<button type=\"submit\">Acknowledge");
        assertThat(anonymous.get("/incidents?show=all").body()).contains("packages app &lt;shows&gt; errors");
        assertThat(anonymous.get("/incidents/424242").statusCode()).isEqualTo(404);
        Visitor viewer = new Visitor(demo.server()).login("adamwill");
        assertThat(viewer.get("/incidents").body()).doesNotContain("id=\"open-form\"");
        assertThat(viewer.post("/incidents", "csrf", viewer.csrf("/incidents"), "service", "pkgdb", "title", "t")
                .statusCode()).isEqualTo(403);
    }
}

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.announce.Templates;
import org.breakwater.announce.store.JdbiAnnounceRepository;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.deployday.DayServices;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment day over real HTTP on the demo: the board (checklist ticked in order, live reload
 * while in progress, the rollback button), the roster's confirm-link page, the measures page with
 * its SVG charts, the post-mortem download, and the REST routes.
 */
class DayPagesHttpTest {
    static final Pattern LINK = Pattern.compile("/roster/confirm\\?token=([A-Za-z0-9_-]+)");

    @TempDir
    Path dir;

    DemoSite demo;
    PlanService plans;

    @BeforeEach
    void start() {
        demo = DemoSite.start(dir, new WebSettings(false, false, Optional.empty()));
        plans = demo.app().plans(PolicyReader.defaults());
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    Visitor visitor(String user) throws Exception {
        return new Visitor(demo.server()).login(user);
    }

    @Test
    void the_board_shows_the_checklist_and_roster_and_a_scheduled_plan_is_not_reloaded() throws Exception {
        HttpResponse<String> board = new Visitor(demo.server()).get("/plans/1/board");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("Checklist").contains("Pre-checks done").contains("pingou")
                .contains("Roster").contains("10 of 10 confirmed").contains("Rollback")
                .contains("Possible: back to fas 0.8.18").contains("pkgdb 1.9.2");
        assertThat(board.headers().firstValue("Refresh")).isEmpty();
        assertThat(new Visitor(demo.server()).get("/plans/1").body()).contains("/plans/1/board");
        assertThat(new Visitor(demo.server()).get("/plans/999/board").statusCode()).isEqualTo(404);
    }

    @Test
    void the_owner_ticks_the_checklist_in_order_and_a_viewer_cannot() throws Exception {
        done(plans.setStatus(1, PlanStatus.IN_PROGRESS));
        Visitor pingou = visitor("pingou");
        HttpResponse<String> live = pingou.get("/plans/1/board");
        assertThat(live.headers().firstValue("Refresh")).contains("30");
        String csrf = pingou.csrf("/plans/1/board");
        assertThat(pingou.post("/plans/1/board/tick", "csrf", csrf, "step", "deploy").statusCode())
                .as("out of order").isEqualTo(400);
        assertThat(pingou.post("/plans/1/board/tick", "csrf", csrf, "step", "started-notice", "note", "sent 15:00")
                .statusCode()).isEqualTo(303);
        assertThat(pingou.get("/plans/1/board").body()).contains("sent 15:00");
        Visitor adamwill = visitor("adamwill");
        assertThat(adamwill.post("/plans/1/board/tick", "csrf", adamwill.csrf("/login"), "step", "deploy")
                .statusCode()).isEqualTo(403);
        assertThat(demo.app().access().auditLog(Optional.empty(), 50)).anySatisfy(e ->
                assertThat(e.action()).isEqualTo("checklist-ticked"));
    }

    @Test
    void the_rollback_button_records_the_earlier_versions_moves_the_plan_and_drafts_the_notice() throws Exception {
        done(plans.setStatus(1, PlanStatus.IN_PROGRESS));
        done(demo.app().catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production", Instant.now(),
                "pingou", Optional.empty()), Optional.empty()));
        Visitor pingou = visitor("pingou");
        String board = pingou.get("/plans/1/board").body();
        assertThat(board).contains("action=\"/plans/1/rollback\"");
        HttpResponse<String> r = pingou.post("/plans/1/rollback", "csrf", pingou.csrf("/plans/1/board"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/announcements/");
        assertThat(plans.plan(1).orElseThrow().status()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(demo.app().catalog().placement("pkgdb", "production").map(Placement::version)).contains("1.9.2");
        assertThat(pingou.get(r.headers().firstValue("Location").get()).body()).contains("rolled-back");
        HttpResponse<String> md = pingou.get("/plans/1/postmortem.md");
        assertThat(md.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# pkgdb2 roll-out").contains("## Deployments").contains("rollback of plan 1")
                .contains("Outcome: rolled-back");
        assertThat(pingou.get("/plans/1/postmortem").body()).contains("Post-mortem draft").contains("## Incidents");
        HttpResponse<String> measures = pingou.get("/measures?days=365");
        assertThat(measures.statusCode()).isEqualTo(200);
        assertThat(measures.body()).contains("<svg").contains("Four keys").contains("Change failure rate");
        assertThat(new Visitor(demo.server()).get("/measures?days=0").statusCode()).isEqualTo(400);
        assertThat(pingou.get("/metrics").body()).contains("breakwater_dora_change_failure_rate{group=\"pkgdb\"");
    }

    @Test
    void a_confirm_link_page_confirms_once_and_refuses_a_reused_or_forged_link() throws Exception {
        DayServices day = demo.app().day(PolicyReader.defaults(), Templates.defaults(), "breakwater@fedoraproject.org");
        done(day.roster().propose(2));
        done(day.roster().invite(2, demo.base()));
        OutboxEntry mail = new JdbiAnnounceRepository(demo.app().database().jdbi()).outbox(100).stream()
                .filter(e -> e.subject().startsWith("Roster:")).findFirst().orElseThrow();
        Matcher m = LINK.matcher(mail.payload());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        Visitor someone = new Visitor(demo.server());
        HttpResponse<String> page = someone.get("/roster/confirm?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("I will be there");
        assertThat(day.roster().members(2).get(0).confirmed()).as("opening the link confirms nothing").isFalse();
        String csrf = someone.csrf("/roster/confirm?token=" + token);
        HttpResponse<String> used = someone.post("/roster/confirm", "csrf", csrf, "token", token);
        assertThat(used.statusCode()).isEqualTo(200);
        assertThat(used.body()).contains("you are confirmed");
        HttpResponse<String> again = someone.post("/roster/confirm", "csrf", csrf, "token", token);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("used already");
        assertThat(someone.get("/roster/confirm?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode())
                .isEqualTo(400);
        assertThat(someone.post("/roster/confirm", "csrf", "stale", "token", token).statusCode()).isEqualTo(403);
        // where reading needs a login, the link still opens (its token is the proof); the board does not
        try (WebServer closed = WebServer.start(demo.app(), PolicyReader.defaults(), demo.app().access(),
                new WebSettings(true, false, Optional.empty()), "127.0.0.1", 0)) {
            Visitor stranger = new Visitor(closed);
            assertThat(stranger.get("/roster/confirm?token=" + token).statusCode()).isEqualTo(200);
            assertThat(stranger.get("/plans/2/board").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void the_rest_api_answers_the_board_and_refuses_writes_without_a_token_or_out_of_turn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> board = http.send(HttpRequest.newBuilder(URI.create(demo.base() + "/api/v1/plans/1/board"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("\"checklist\"").contains("\"possible\":true");
        String pingou = demo.app().access().issue("test", new Principal("pingou", Role.SERVICE_OWNER,
                Optional.of("infrastructure"))).secret();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(demo.base()
                + "/api/v1/plans/1/checklist/started-notice")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> ticked = http.send(HttpRequest.newBuilder(URI.create(demo.base()
                        + "/api/v1/plans/1/checklist/started-notice")).header("Authorization", "Bearer " + pingou)
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"sent\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ticked.statusCode()).as(ticked.body()).isEqualTo(200);
        assertThat(ticked.body()).contains("\"by\":\"pingou\"");
        HttpResponse<String> rollback = http.send(HttpRequest.newBuilder(URI.create(demo.base()
                        + "/api/v1/plans/1/rollback")).header("Authorization", "Bearer " + pingou)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rollback.statusCode()).isEqualTo(400);
        assertThat(rollback.body()).contains("only a plan in progress is rolled back");
        HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(demo.base() + "/api/v1/measures?days=365"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(keys.body()).contains("\"changeFailureRate\"").contains("\"group\":\"pkgdb\"");
        HttpResponse<String> roster = http.send(HttpRequest.newBuilder(URI.create(demo.base() + "/api/v1/plans/1/roster"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(roster.body()).contains("\"confirmedVia\":\"login\"");
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).as(o.toString()).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }
}

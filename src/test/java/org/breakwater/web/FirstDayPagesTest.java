package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.Announcement;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.announce.Templates;
import org.breakwater.announce.mail.FolderCourier;
import org.breakwater.catalog.Outcome;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first day on the demo's pages (issue 14): the plan page answers "can it go ahead,
 * and what next" on top with each gate's controls in its row; a refused form comes back with what
 * was typed and the error beside its field; a sent announcement says when it was mailed; the
 * comparison's result sits in the site's layout.
 */
class FirstDayPagesTest {
    private static final String FROM = "breakwater@fedoraproject.org";

    @TempDir
    static Path dir;

    static DemoSite demo;
    static App app;
    static WebServer server;

    @BeforeAll
    static void start() {
        demo = DemoSite.start(dir, new WebSettings(false, false, Optional.empty(), Optional.empty(),
                new WebSettings.Mail(Templates.defaults(), FROM, Optional.empty())));
        app = demo.app();
        server = demo.server();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    final Visitor visitor = new Visitor(server);

    HttpResponse<String> get(String path) throws Exception {
        return visitor.get(path);
    }

    HttpResponse<String> post(String path, String... pairs) throws Exception {
        return visitor.post(path, pairs);
    }

    String csrf(String path) throws Exception {
        return visitor.csrf(path);
    }

    void login(String user) throws Exception {
        visitor.login(user);
    }

    @Test
    void the_plan_page_says_what_to_do_next_on_top_and_puts_each_gates_controls_in_its_row() throws Exception {
        login("nirik");
        String page = get("/plans/2").body();
        int next = page.indexOf("id=\"next\"");
        int gate = page.indexOf("<tr id=\"gate-api-break-notice\">");
        int form = page.indexOf("id=\"evidence-api-break-notice\"");
        int consumers = page.indexOf("Affected consumers by team");
        assertThat(page).contains("Next thing to do:</strong> <a href=\"#gate-api-break-notice\">");
        assertThat(next).isPositive().isLessThan(gate);
        assertThat(gate).isLessThan(form);
        assertThat(form).as("the gate's form comes before the rest of the page").isLessThan(consumers);
        assertThat(page.indexOf("id=\"waiver-api-break-notice\"")).isBetween(form, consumers);
        assertThat(page.indexOf("id=\"schedule\"")).as("the start's control is by the summary").isBetween(next, gate);
        assertThat(page).doesNotContain("<col class=\"rule\">").contains("<code class=\"rule\">");
    }

    @Test
    void web_addresses_given_as_evidence_are_links_and_nothing_else_is() throws Exception {
        login("nirik");
        String csrf = csrf("/plans/2");
        assertThat(post("/plans/2/evidence", "csrf", csrf, "gate", "outage-notice", "evidence",
                "javascript:alert(1)").statusCode()).isEqualTo(303);
        assertThat(post("/plans/2/evidence", "csrf", csrf, "gate", "outage-notice", "evidence",
                "https://lists.fedoraproject.org/archives/outage?a=1&b=2").statusCode()).isEqualTo(303);
        String page = get("/plans/2").body();
        assertThat(page).contains("javascript:alert(1) (nirik,").doesNotContain("href=\"javascript")
                .contains("<a rel=\"noreferrer\" href=\"https://lists.fedoraproject.org/archives/outage?a=1&amp;b=2\">");
    }

    @Test
    void a_refused_gate_form_comes_back_with_what_was_typed_and_the_error_beside_the_field() throws Exception {
        login("nirik");
        String csrf = csrf("/plans/2");
        HttpResponse<String> r = post("/plans/2/evidence", "csrf", csrf, "gate", "meeting",
                "evidence", "https://meetbot.fedoraproject.org/minutes.html", "at", "yesterday evening",
                "note", "");
        assertThat(r.statusCode()).isEqualTo(400);
        String page = r.body();
        assertThat(page).contains("<h1>Plan 2: bodhi2")
                .contains("<details open><summary>Record evidence for meeting")
                .contains("value=\"https://meetbot.fedoraproject.org/minutes.html\"")
                .contains("value=\"yesterday evening\"></label> <span class=\"failed\" role=\"alert\">&#39;yesterday"
                        + " evening&#39; is not a time");
        HttpResponse<String> waiver = post("/plans/2/waiver", "csrf", csrf, "gate", "no-such-gate", "reason", "because");
        assertThat(waiver.statusCode()).isEqualTo(400);
        assertThat(waiver.body()).contains("<h1>Plan 2: bodhi2");
        HttpResponse<String> draft = post("/plans/2/announcements", "csrf", csrf, "kind", "no-such-kind",
                "notes", "port to /api/ first");
        assertThat(draft.statusCode()).isEqualTo(400);
        assertThat(draft.body()).contains("id=\"draft-form\"><input type=\"hidden\" name=\"csrf\"")
                .contains("<p class=\"failed\" role=\"alert\">no kind &#39;no-such-kind&#39;")
                .contains("value=\"port to /api/ first\"");
        HttpResponse<String> moved = post("/plans/2/schedule", "csrf", csrf, "start", "next tuesday");
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(moved.body()).contains("value=\"next tuesday\"></label> <span class=\"failed\" role=\"alert\">");
    }

    @Test
    void a_refused_new_plan_keeps_every_field_and_shows_the_error_beside_the_start() throws Exception {
        login("pingou");
        HttpResponse<String> r = post("/plans", "csrf", csrf("/plans/new"), "releases", "pkgdb=2.1.0\nfas=0.8.20",
                "title", "pkgdb 2.1 <beta>", "environment", "staging", "start", "soon", "duration", "3h",
                "ticket", "https://pagure.io/fedora-infrastructure/issue/1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<h1>Plan a deployment</h1>").contains(">pkgdb=2.1.0\nfas=0.8.20</textarea>")
                .contains("value=\"pkgdb 2.1 &lt;beta&gt;\"").contains("<option selected>staging</option>")
                .contains("value=\"soon\"></label> <span class=\"failed\" role=\"alert\">&#39;soon&#39; is not a time")
                .contains("value=\"3h\"").contains("value=\"https://pagure.io/fedora-infrastructure/issue/1\"");
        HttpResponse<String> noService = post("/plans", "csrf", csrf("/plans/new"), "releases", "pkgdb 2.1.0",
                "start", "2030-01-01 10:00");
        assertThat(noService.statusCode()).isEqualTo(400);
        assertThat(noService.body()).contains("</textarea></label> <span class=\"failed\" role=\"alert\">&#39;pkgdb"
                + " 2.1.0&#39; is not SERVICE=VERSION").contains("value=\"2030-01-01 10:00\"");
    }

    @Test
    void a_refused_deployment_record_keeps_what_was_typed_on_the_service_page() throws Exception {
        login("pingou");
        HttpResponse<String> r = post("/services/pkgdb/deployments", "csrf", csrf("/services/pkgdb"), "version", "2.0.1",
                "environment", "nowhere", "notes", "hotfix for the <acl> page");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<h1>pkgdb</h1><p class=\"notice failed\">Not saved: ")
                .contains("<a href=\"#deployment\">(to the form)</a>").contains("id=\"deployment\"").contains("value=\"2.0.1\"")
                .contains("value=\"hotfix for the &lt;acl&gt; page\"").contains("class=\"failed\" role=\"alert\"");
    }

    @Test
    void a_refused_announcement_edit_keeps_the_typed_text() throws Exception {
        login("pingou");
        String csrf = csrf("/plans/1");
        HttpResponse<String> made = post("/plans/1/announcements", "csrf", csrf, "kind", "api-break-notice", "notes", "");
        String page = made.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> r = post(page, "csrf", csrf, "to", "devel@lists.fedoraproject.org",
                "subject", "pkgdb2\r\nBcc: victim@example.org", "body", "My own words about pkgdb2.");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"edit-form\"").contains("line break").contains(">My own words about pkgdb2.</textarea>")
                .contains("value=\"devel@lists.fedoraproject.org\"");
    }

    @Test
    void a_sent_announcement_says_when_it_was_mailed_and_a_draft_how_it_will_be() throws Exception {
        var service = app.announcements(PolicyReader.defaults(), Templates.defaults(), FROM);
        Announcement made = ((Outcome.Done<java.util.List<Announcement>>) service.draft(1,
                org.breakwater.announce.Kind.CALL_FOR_TESTING, Optional.empty(), Optional.empty(), "pingou")).value().get(0);
        assertThat(get("/announcements/" + made.id()).body()).contains("<h2>As it will be mailed</h2>");
        service.send(made.id(), "pingou");
        assertThat(get("/announcements/" + made.id()).body()).contains("<h2>As it is being mailed (sent on ")
                .doesNotContain("As it will be mailed");
        service.deliver(Map.of(OutboxEntry.Channel.MAIL, new FolderCourier(dir.resolve("mail"), FROM)), 10);
        Announcement sent = service.announcement(made.id()).orElseThrow();
        assertThat(sent.sentAt()).isPresent();
        assertThat(get("/announcements/" + made.id()).body())
                .contains("<h2>As it was mailed on " + org.breakwater.cli.common.Times.show(sent.sentAt().get()) + "</h2>")
                .doesNotContain("will be mailed");
    }

    @Test
    void the_comparison_result_is_a_page_of_the_site_with_its_header() throws Exception {
        String token = csrf("/compare");
        String old = "openapi: 3.0.3\ninfo: {title: pkgdb, version: '1.9'}\npaths:\n"
                + "  /packages: {get: {responses: {'200': {description: ok}}}}\n"
                + "  /acls: {get: {responses: {'200': {description: ok}}}}\n";
        HttpResponse<String> r = post("/compare", "csrf", token, "old", old, "new", old.replace("  /acls: ", "  /acl: "));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<header><strong>Breakwater</strong> <a href=\"/\">Dashboard</a>")
                .contains("<h1>API changes</h1>").contains("class=\"diff-report\"").contains("breaking")
                .contains("href=\"/compare\"").doesNotContain("<body>\n").doesNotContain("<!DOCTYPE html>");
        assertThat(r.body().split("<h1>", -1)).as("one heading").hasSize(2);
        assertThat(r.body().split("<main>", -1)).as("one main").hasSize(2);
    }
}

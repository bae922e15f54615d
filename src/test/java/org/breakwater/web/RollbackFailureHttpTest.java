package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.logs.LogCapture;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's rollback button pressed over real HTTP on the demo while the store refuses the
 * rollback's last write (a trigger on the rolled-back notice, as in {@code RollbackContract}): the
 * page says in words that the rollback failed and nothing was written, with the request id and no
 * trace or database text; the store shows nothing half-written; pressed again once the store
 * accepts, the rollback happens.
 */
class RollbackFailureHttpTest {
    static final Pattern FORM = Pattern.compile("<form class=\"inline\" method=\"post\" action=\"(/plans/1/rollback)\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\">");

    @TempDir
    Path dir;

    DemoSite demo;

    long count(String table) {
        return demo.app().database().jdbi().withHandle(h -> h.createQuery("select count(*) from " + table)
                .mapTo(Long.class).one());
    }

    void failNotices(boolean fail) {
        demo.app().database().jdbi().useHandle(h -> h.execute(fail ? "create trigger fail_notice before insert on"
                + " announcement begin select raise(abort, 'injected failure'); end" : "drop trigger fail_notice"));
    }

    /** Presses the board's rollback button: the form's action and its CSRF token, as a browser would post them. */
    HttpResponse<String> pressRollback(Visitor v) throws Exception {
        Matcher form = FORM.matcher(v.get("/plans/1/board").body());
        assertThat(form.find()).as("the board shows the rollback button").isTrue();
        return v.post(form.group(1), "csrf", form.group(2));
    }

    @Test
    void a_rollback_failing_at_its_last_write_shows_a_clear_message_and_leaves_nothing_half_written() throws Exception {
        try (DemoSite site = DemoSite.start(dir, new WebSettings(false, false, Optional.empty()))) {
            demo = site;
            pressedWhileTheStoreRefusesTheNotice(demo.app().plans(PolicyReader.defaults()));
        }
    }

    private void pressedWhileTheStoreRefusesTheNotice(PlanService plans) throws Exception {
        assertThat(plans.setStatus(1, PlanStatus.IN_PROGRESS)).isInstanceOf(Outcome.Done.class);
        assertThat(demo.app().catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production", Instant.now(),
                "pingou", Optional.empty()), Optional.empty())).isInstanceOf(Outcome.Done.class);
        Visitor pingou = new Visitor(demo.server()).login("pingou");
        long deployments = count("deployment");
        long outbox = count("outbox");
        long announcements = count("announcement");
        failNotices(true);

        HttpResponse<String> failed;
        try (LogCapture log = LogCapture.of(ServerLog.NAME, Level.ERROR)) {
            failed = pressRollback(pingou);
            String logged = failed.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(log.lines()).as("the server log says why, under the request id the page names")
                    .anySatisfy(l -> assertThat(l).contains(logged).contains("injected failure"));
        }
        assertThat(failed.statusCode()).isEqualTo(500);
        String id = failed.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(failed.body()).contains("Rollback failed")
                .contains("The rollback of plan 1 failed and nothing was written: the plan is still in progress,"
                        + " no deployment was recorded and no notice was drafted.")
                .contains(id)
                .doesNotContain("injected failure").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(plans.plan(1).orElseThrow().status()).isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(demo.app().catalog().placement("pkgdb", "production").map(Placement::version)).contains("2.0.0");
        assertThat(count("deployment")).as("no rollback deployment recorded").isEqualTo(deployments);
        assertThat(count("announcement")).as("no notice drafted").isEqualTo(announcements);
        assertThat(count("outbox")).as("no event queued").isEqualTo(outbox);
        assertThat(demo.app().access().auditLog(Optional.empty(), 50)).noneSatisfy(e ->
                assertThat(e.action()).isEqualTo("plan-rolled-back"));
        assertThat(pingou.get("/plans/1/board").body()).as("the button is still there to try again")
                .contains("action=\"/plans/1/rollback\"");
        String token = demo.app().access().issue("test", new Principal("pingou", Role.SERVICE_OWNER,
                Optional.of("infrastructure"))).secret();
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(demo.base()
                + "/api/v1/plans/1/rollback")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.body()).as("the API says the same as a problem").contains("\"title\":\"Rollback failed\"")
                .contains("nothing was written").doesNotContain("injected failure");
        assertThat(count("deployment")).isEqualTo(deployments);

        failNotices(false);
        HttpResponse<String> again = pressRollback(pingou);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(plans.plan(1).orElseThrow().status()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(demo.app().catalog().placement("pkgdb", "production").map(Placement::version)).contains("1.9.2");
    }
}

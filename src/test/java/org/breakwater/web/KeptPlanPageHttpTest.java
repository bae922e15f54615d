package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.Main;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan page a visitor who is not logged in gets, and the can-deploy JSON, are kept while the
 * store takes no write (decision 0029). The server's clock stands still here, so only the store's
 * change token can tell it that a waiver recorded by another instance made them stale.
 */
class KeptPlanPageHttpTest {
    @TempDir
    Path dir;

    App served;
    App other;
    WebServer server;

    @BeforeEach
    void start() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))).as(err.toString()).isZero();
        App.Settings store = new App.Settings(Optional.empty(), dir.resolve("demo/store"));
        served = App.open(store, Clock.fixed(Instant.now(), ZoneOffset.UTC));
        other = App.open(store, Clock.systemUTC());
        server = WebServer.start(served, PolicyReader.defaults(), served.access(), new WebSettings(false, false,
                Optional.empty()), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        served.close();
        other.close();
    }

    @Test
    void a_waiver_recorded_by_another_instance_shows_on_the_next_page_and_answer_a_visitor_gets() throws Exception {
        Visitor visitor = new Visitor(server);
        assertThat(visitor.get("/plans/1").body()).doesNotContain("kept-page check");
        assertThat(visitor.get("/plans/1").body()).as("asked again: kept").doesNotContain("kept-page check");
        assertThat(visitor.get("/api/v1/can-deploy?plan=1").body()).contains("outage-notice");
        assertThat(visitor.get("/api/v1/can-deploy?plan=1").body()).as("asked again: kept").contains("outage-notice");
        assertThat(other.plans(PolicyReader.defaults()).waive(1, "outage-notice", "kept-page check", "pingou"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(visitor.get("/plans/1").body()).contains("waived by pingou: kept-page check");
        assertThat(visitor.get("/api/v1/can-deploy?plan=1").body()).contains("waived by pingou: kept-page check");
    }

    @Test
    void a_logged_in_visitor_never_gets_the_page_kept_for_visitors_who_are_not() throws Exception {
        assertThat(new Visitor(server).get("/plans/1").body()).contains("Log in").doesNotContain("Log out");
        String page = new Visitor(server).login("pingou").get("/plans/1").body();
        assertThat(page).contains("Log out").contains("pingou (");
    }
}

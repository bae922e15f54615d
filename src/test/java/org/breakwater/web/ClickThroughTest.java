package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.cli.Main;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo in a real headless Chromium, clicked through as a user would: the dashboard, the
 * fedocal plan that is due now and held up because nobody recorded the weekly meeting's
 * decision, logging in as its owner, recording yesterday's decision in the gate form — and
 * can-deploy, on the page and in the API, flips from no to yes. Run with {@code -Dbw.screenshots=docs/images} to refresh the
 * README's screenshots from the same pages.
 */
class ClickThroughTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("demo/store")), Clock.systemUTC());
        server = WebServer.start(app, PolicyReader.defaults(), app.access(), new WebSettings(false, false,
                Optional.of("Demo accounts (password breakwater-demo): pingou")), "127.0.0.1", 0,
                new PrintWriter(new StringWriter()));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    private static String api(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void keep(Chromium browser, String name) throws Exception {
        String folder = System.getProperty("bw.screenshots");
        if (folder != null) {
            Files.write(Path.of(folder).resolve(name + ".png"), browser.screenshot());
        }
    }

    @Test
    void the_owner_records_the_meetings_decision_and_can_deploy_flips_to_yes() throws Exception {
        try (Chromium browser = Chromium.start(dir.resolve("profile"))) {
            browser.open(base + "/");
            assertThat(browser.text("h1")).isEqualTo("Dashboard");
            assertThat(browser.text("main")).contains("Upcoming deployments").contains("fedocal 1.0");
            keep(browser, "page-dashboard");

            browser.clickLinkAndWait("fedocal 1.0");
            String plan = browser.url().substring(base.length());
            assertThat(browser.text("h1")).startsWith("Plan 3: fedocal 1.0");
            assertThat(browser.text("#can-deploy")).contains("Can it go ahead now? no")
                    .contains("meeting-decision failed");
            assertThat(api("/api/v1/can-deploy?plan=3")).contains("\"deployable\":false");
            assertThat(browser.text("main")).contains("Log in to record evidence");

            browser.clickAndWait(".notice a[href^='/login']");
            assertThat(browser.text("h1")).isEqualTo("Log in");
            browser.fill("input[name=username]", "pingou");
            browser.fill("input[name=password]", "breakwater-demo");
            browser.clickAndWait("form[action='/login'] button[type=submit]");
            assertThat(browser.url()).isEqualTo(base + plan);
            assertThat(browser.text("header")).contains("pingou (service-owner of infrastructure)");

            browser.fill("#evidence-form select[name=gate]", "meeting-decision");
            browser.fill("#evidence-form input[name=evidence]",
                    "https://meetbot.fedoraproject.org/fedora-meeting/infrastructure.html");
            browser.fill("#evidence-form select[name=decision]", "exempt");
            String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + " 18:00";
            browser.fill("#evidence-form input[name=at]", yesterday); // the meeting decided yesterday
            browser.clickAndWait("#evidence-form button[type=submit]");

            assertThat(browser.url()).startsWith(base + plan);
            assertThat(browser.text("#can-deploy")).contains("Can it go ahead now? yes");
            assertThat(browser.text("main")).contains("Policy: exempt").contains("gate-evidence")
                    .contains("meeting-decision: https://meetbot.fedoraproject.org/fedora-meeting/infrastructure.html");
            assertThat(api("/api/v1/can-deploy?plan=3")).contains("\"deployable\":true");
            keep(browser, "page-plan-decided");

            browser.clickAndWait("form[action='/logout'] button");
            assertThat(browser.text("header")).contains("Log in").doesNotContain("pingou");
        }
    }

    @Test
    void the_main_pages_render_in_the_browser() throws Exception {
        try (Chromium browser = Chromium.start(dir.resolve("profile-pages"))) {
            browser.open(base + "/plans/1");
            assertThat(browser.text("main")).contains("Policy: applies").contains("outside infrastructure")
                    .contains("Affected consumers by team").contains("Consumer migrations")
                    .contains("a production host (10.5.126.30, production) calls staging")
                    .contains("unknown (fedora-review/0.5.2 from 192.0.2.44)");
            keep(browser, "page-plan");
            browser.open(base + "/services/pkgdb");
            assertThat(browser.text("main")).contains("What runs where").contains("faf-pkgdb-importer")
                    .contains("Calls across environments").contains("owner-alias-sync");
            keep(browser, "page-service");
            browser.open(base + "/calendar");
            assertThat(browser.text("main")).contains("Subscribe to the planned deployments");
            keep(browser, "page-calendar");
            browser.open(base + "/compare");
            assertThat(browser.text("main")).contains("Upload or paste the description production runs");
            keep(browser, "page-compare");
        }
    }
}

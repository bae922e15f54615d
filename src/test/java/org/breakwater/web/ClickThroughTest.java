package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo in a real headless Chromium, clicked through as a user would: the dashboard, the
 * fedocal plan that is due now and may go ahead because yesterday's meeting minutes classified it
 * (its evidence links the line of the minutes), logging in and recording evidence in a gate's row
 * of the bodhi2 plan. Run with {@code -Dbw.screenshots=docs/images} to refresh the
 * README's screenshots from the same pages.
 */
class ClickThroughTest {
    @TempDir
    static Path dir;

    static DemoSite demo;
    static String base;

    @BeforeAll
    static void start() {
        demo = DemoSite.start(dir, new WebSettings(false, false,
                Optional.of("Demo accounts (password breakwater-demo): pingou")));
        base = demo.base();
    }

    @AfterAll
    static void stop() {
        demo.close();
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
    void the_fedocal_plan_is_deployable_from_the_minutes_and_the_owner_records_evidence_in_a_gates_row()
            throws Exception {
        try (Chromium browser = Chromium.start(dir.resolve("profile"))) {
            browser.open(base + "/");
            assertThat(browser.text("h1")).isEqualTo("Dashboard");
            assertThat(browser.text("main")).contains("Upcoming deployments").contains("fedocal 1.0");
            keep(browser, "page-dashboard");

            browser.clickLinkAndWait("fedocal 1.0");
            assertThat(browser.text("h1")).startsWith("Plan 3: fedocal 1.0");
            assertThat(browser.text("#can-deploy")).contains("Can it go ahead now? yes");
            assertThat(browser.text("main")).contains("Policy: exempt").contains("the weekly meeting decided it is exempt");
            assertThat(api("/api/v1/can-deploy?plan=3")).contains("\"deployable\":true");
            keep(browser, "page-plan-decided");
            browser.clickAndWait("#gate-meeting-decision a[href^='/meetings/']"); // the minutes' line
            assertThat(browser.url()).matches(".*/meetings/\\d+#line-\\d+");
            assertThat(browser.text("h1")).startsWith("Meeting 2: Infrastructure");
            assertThat(browser.text("main")).contains("AGREED <nirik> fedocal is not essential")
                    .contains("recorded meeting-decision exempt by nirik on plan BW-3");

            browser.open(base + "/plans/2");
            assertThat(browser.text("main")).contains("Log in to record evidence");
            browser.clickAndWait(".notice a[href^='/login']");
            assertThat(browser.text("h1")).isEqualTo("Log in");
            browser.fill("input[name=username]", "nirik");
            browser.fill("input[name=password]", "breakwater-demo");
            browser.clickAndWait("form[action='/login'] button[type=submit]");
            assertThat(browser.url()).isEqualTo(base + "/plans/2");
            browser.click("#gate-outage-notice + tr.actions summary"); // its controls unfold
            String form = "#evidence-outage-notice";
            browser.fill(form + " input[name=evidence]", "https://lists.fedoraproject.org/archives/bodhi2-outage");
            keep(browser, "page-plan-gate");
            browser.clickAndWait(form + " button[type=submit]");
            assertThat(browser.url()).startsWith(base + "/plans/2");
            assertThat(browser.text("main")).contains("outage-notice: https://lists.fedoraproject.org/archives/bodhi2-outage");

            browser.clickAndWait("form[action='/logout'] button");
            assertThat(browser.text("header")).contains("Log in").doesNotContain("nirik");
        }
    }

    @Test
    void the_plan_pages_fit_a_1400_pixel_window_without_scrolling_sideways() throws Exception {
        try (Chromium browser = Chromium.start(dir.resolve("profile-width"))) {
            browser.viewport(1400, 900);
            String[] pages = {"/plans/1", "/plans/2", "/plans/3", "/", "/services/pkgdb", "/calendar", "/announcements/1"};
            for (String path : pages) {
                browser.open(base + path);
                fits(browser, path);
            }
            browser.open(base + "/login"); // the owner sees every gate's controls and the forms
            browser.fill("input[name=username]", "pingou");
            browser.fill("input[name=password]", "breakwater-demo");
            browser.clickAndWait("form[action='/login'] button[type=submit]");
            for (String path : pages) {
                browser.open(base + path);
                browser.eval("document.querySelectorAll('details').forEach(d => d.open = true)");
                fits(browser, path + " (logged in, every gate's controls open)");
            }
        }
    }

    /** The page at {@code path} scrolls no wider than the window, and no table reaches past its right edge. */
    private static void fits(Chromium browser, String path) throws Exception {
        assertThat(browser.eval("window.innerWidth")).isEqualTo("1400");
        assertThat(Integer.parseInt(browser.eval("document.documentElement.scrollWidth")))
                .as("the page's width at 1,400 px: " + path).isLessThanOrEqualTo(1400);
        assertThat(Double.parseDouble(browser.eval("Math.max(...[...document.querySelectorAll('table')]"
                + ".map(t => t.getBoundingClientRect().right))")))
                .as("the right edge of the widest table on " + path).isLessThanOrEqualTo(1400.0);
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
            String old = "openapi: 3.0.3\ninfo: {title: pkgdb, version: '1.9'}\npaths:\n"
                    + "  /packages: {get: {responses: {'200': {description: ok}}}}\n"
                    + "  /acls: {get: {responses: {'200': {description: ok}}}}\n";
            browser.fill("textarea[name=old]", old);
            browser.fill("textarea[name=new]", old.replace("  /acls: ", "  /acl: "));
            browser.clickAndWait("form[action='/compare'] button[type=submit]");
            assertThat(browser.text("header")).contains("Dashboard").contains("Compare");
            assertThat(browser.text("main")).startsWith("API changes").contains("1 breaking").contains("GET /acls");
            keep(browser, "page-compare-result");
        }
    }
}

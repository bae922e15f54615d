package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging parity and coverage over HTTP: the REST reads, the parity and coverage pages, the plan page's section. */
class StagingHttpTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static long planId;

    @BeforeAll
    static void start() throws Exception {
        app = CatalogSite.open(dir);
        Instant now = Instant.now();
        CatalogSite.pkgdbDeployed(app, now, Optional.empty());
        planId = CatalogSite.pkgdb2(app, "pkgdb2", now);
        CatalogSite.ingest(app, "production", CatalogSite.line("10.5.126.21", now.minus(Duration.ofDays(1)),
                "GET /pkgdb/acls/name/guake", "bodhi/0.9.12")
                + CatalogSite.line("203.0.113.80", now.minus(Duration.ofDays(1)), "GET /pkgdb/users/packages/pingou",
                "pkgdb-cli/1.6"));
        CatalogSite.ingest(app, "staging", CatalogSite.line("10.5.128.21", now.minus(Duration.ofHours(2)),
                "GET /pkgdb/api/package/guake", "bodhi/2.0.0")
                + CatalogSite.line("10.5.128.40", now.minus(Duration.ofHours(1)), "GET /pkgdb/api/collections",
                "rube/0.3"));
        server = CatalogSite.serve(app);
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    static String get(String path, int status) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return r.body();
    }

    static ObjectNode object(String path) throws Exception {
        return (ObjectNode) new TreeReader(ReadLimits.defaults()).parse(get(path, 200), "response.json");
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void the_api_gives_parity_coverage_and_the_plans_untested_operations() throws Exception {
        ObjectNode pkgdb = object("/api/v1/services/pkgdb/parity");
        // versions (candidate: passed), no crossing (passed), bodhi (in staging), pkgdb-cli (not)
        assertThat(pkgdb.text("score")).contains("75");
        assertThat(pkgdb.text("versions")).contains("candidate");
        assertThat(pkgdb.get("gaps").orElseThrow().toString()).contains("pkgdb-cli");
        ArrayNode all = (ArrayNode) new TreeReader(ReadLimits.defaults()).parse(get("/api/v1/staging/parity?days=7", 200),
                "all.json");
        assertThat(all.items()).singleElement().satisfies(n -> assertThat(((ObjectNode) n).text("service")).contains("pkgdb"));
        ObjectNode coverage = object("/api/v1/services/pkgdb/coverage?identify=" + q("userAgent:^rube/"));
        assertThat(coverage.text("exercised")).contains("1");
        assertThat(coverage.text("operationCount")).contains("12");
        String untested = get("/api/v1/plans/" + planId + "/untested", 200);
        assertThat(untested).contains("GET /collections").contains("removed without deprecation");
        assertThat(get("/api/v1/plans/" + planId + "/untested?identify=" + q("userAgent:^rube/"), 200))
                .doesNotContain("\"GET /collections\"");
    }

    @Test
    void bad_requests_are_refused_with_the_reason() throws Exception {
        get("/api/v1/services/nosuch/parity", 404);
        get("/api/v1/services/nosuch/coverage", 404);
        assertThat(get("/api/v1/services/pkgdb/coverage?identify=" + q("user:bodhi"), 400)).contains("needs the log line");
        assertThat(get("/api/v1/services/pkgdb/coverage?since=yesterday-ish", 400)).contains("is not a time");
        assertThat(get("/api/v1/services/pkgdb/coverage?since=2026-12-02T00:00Z&until=2026-12-01T00:00Z", 400))
                .contains("is not before");
        assertThat(get("/api/v1/staging/parity?staging=moon", 400)).contains("no environment 'moon'");
        get("/api/v1/services/pkgdb/parity?days=0", 400);
        get("/api/v1/plans/999/untested", 404);
        get("/staging/coverage/nosuch", 404);
    }

    @Test
    void the_parity_and_coverage_pages_and_the_plan_pages_staging_section_load() throws Exception {
        String parity = get("/staging/parity", 200);
        assertThat(parity).contains("Staging parity").contains("75% (3 of 4)").contains("pkgdb-cli: 1 calls in production")
                .contains("href=\"/staging/coverage/pkgdb?days=30\"");
        String coverage = get("/staging/coverage/pkgdb?days=30", 200);
        assertThat(coverage).contains("1 of 12 operations exercised").contains("GET /package/{pkgname}")
                .contains("bodhi-pkgdb-client");
        assertThat(get("/staging/coverage/pkgdb?identify=" + q("userAgent:^rube/"), 200)).contains("GET /collections");
        String plan = get("/plans/" + planId, 200);
        assertThat(plan).contains("id=\"staging\"").contains("href=\"/staging/parity#pkgdb\"")
                .contains("pkgdb-cli: 1 calls in production").contains("<code>GET /collections</code>");
    }

    @Test
    void with_a_suite_that_ran_the_plan_page_the_coverage_page_and_the_api_follow_its_rule_and_runs() throws Exception {
        var suites = app.suites(org.breakwater.staging.SecretBox.NONE);
        assertThat(suites.add(new org.breakwater.staging.StagingSuite("rube", java.util.List.of("pkgdb"), "true", "",
                Map.of(), "r.xml", Duration.ofMinutes(5), org.breakwater.staging.StagingSuite.Display.NONE, "staging",
                org.breakwater.staging.StagingSuite.DAILY, java.time.ZoneOffset.UTC, "cli", "userAgent:^rube/")))
                .isInstanceOf(Outcome.Done.class);
        try {
            var repo = new org.breakwater.staging.store.JdbiSuiteRepository(app.database().jdbi());
            Instant start = Instant.now().minus(Duration.ofMinutes(70));
            long id = repo.begin("rube", "schedule", start, Map.of());
            repo.finish(new org.breakwater.staging.SuiteRun(id, "rube", org.breakwater.staging.RunStatus.PASSED,
                    "schedule", start, Optional.of(start.plus(Duration.ofMinutes(20))), Optional.of(0), Map.of(), "", "",
                    1, 0, 0), java.util.List.of());

            String plan = get("/plans/" + planId, 200);
            String section = plan.substring(plan.indexOf("id=\"staging\""));
            section = section.substring(0, section.indexOf("</table>"));
            assertThat(plan).contains("by a suite covering the service");
            assertThat(section).doesNotContain("<code>GET /collections</code>")
                    .contains("<code>GET /acls/name/{package}</code>");
            assertThat(get("/api/v1/plans/" + planId + "/untested", 200)).doesNotContain("\"GET /collections\"");
            String page = get("/staging/coverage/pkgdb", 200);
            assertThat(page).contains("href=\"/staging/suites/rube\"").contains("1 of 12 operations exercised")
                    .contains("by userAgent:^rube/").doesNotContain("bodhi-pkgdb-client");
            ObjectNode api = object("/api/v1/services/pkgdb/coverage?suite=rube");
            assertThat(api.text("exercised")).contains("1");
            assertThat(get("/api/v1/services/pkgdb/coverage?suite=nosuch", 400)).contains("no suite 'nosuch'");
        } finally {
            suites.remove("rube");
        }
    }
}

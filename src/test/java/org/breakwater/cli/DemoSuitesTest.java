package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's end-to-end suite runs for real, and pkgdb2's staging-green follows its runs with nothing recorded by hand. */
class DemoSuitesTest {
    @TempDir
    Path dir;

    String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void the_demo_suite_runs_on_the_last_days_and_the_gate_counts_only_green_days_on_the_candidate() {
        String demo = run("demo", "--no-serve", "--dir", dir.toString());
        assertThat(demo).contains("pkgdb's end-to-end suite in staging");
        String data = "--data-dir=" + dir.resolve("store");
        String runs = run("staging", "runs", "pkgdb-e2e", "--json", data);
        assertThat(runs).contains("\"id\" : 4").contains("\"pkgdb\" : \"2.0.0-rc3\"").contains("\"status\" : \"failed\"");
        assertThat(run("staging", "history", "pkgdb-e2e", data)).containsPattern("SearchTest#finds a package by name\\s+2\\s+0.67\\s+flaky");
        String plan = run("plan", "show", "1", data);
        assertThat(plan).contains("green on 2 of the last 3 days").doesNotContain("rube run");
        String coverage = run("staging", "coverage", "--service", "pkgdb", "--suite", "pkgdb-e2e", data);
        assertThat(coverage).as("the suite's runs at 06:00 meet rube's calls in the staging log")
                .contains("3 of 12 operations exercised (25%) by userAgent:^rube/, in 4 runs")
                .containsPattern("GET /collections\\s+yes\\s+3");
        try (org.breakwater.App app = org.breakwater.App.open(new org.breakwater.App.Settings(java.util.Optional.empty(),
                dir.resolve("store")), java.time.Clock.systemUTC())) {
            var report = ((org.breakwater.catalog.Outcome.Done<org.breakwater.plan.PlanReport>) app.plans(
                    org.breakwater.policy.PolicyReader.defaults()).report(1)).value();
            assertThat(app.suiteCoverage().untested(report, "staging", 30))
                    .extracting(org.breakwater.staging.Coverage.Untested::operation).as("the plan page's list")
                    .doesNotContain("GET /collections").contains("GET /packages")
                    .as("the demo's replay sent bodhi's calls to it and the candidate answered")
                    .doesNotContain("GET /acls/name/{package}");
        }
    }
}

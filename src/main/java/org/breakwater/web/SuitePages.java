package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.cli.common.Times;
import org.breakwater.staging.Durations;
import org.breakwater.staging.FlakeRule;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.StoredCase;
import org.breakwater.staging.SuiteResults;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.TestId;
import org.breakwater.staging.TestStats;

/**
 * Pages of the staging suites (docs/staging.md): the list with each suite's newest run, a suite's
 * history (chart, runs, each test's streak and flakiness) and one run (its cases and output,
 * secrets already redacted when stored). Never a secret's value: only the names of secrets.
 */
final class SuitePages {
    static final int CHART_RUNS = 60;

    private final App app;

    SuitePages(App app) {
        this.app = app;
    }

    List<String> register(Javalin server) {
        server.get("/staging/suites", this::list);
        server.get("/staging/suites/{name}", this::suite);
        server.get("/staging/runs/{id}", this::run);
        return List.of("/staging/suites", "/staging/suites/{name}", "/staging/runs/{id}");
    }

    private SuiteResults results() {
        return app.suiteResults();
    }

    private void list(Context ctx) {
        Html h = new Html();
        List<StagingSuite> suites = results().suites();
        if (suites.isEmpty()) {
            h.tag("<p>No suite is registered: <code>breakwater staging suite add</code>, or a <code>suites:</code>"
                    + " section in the catalog files and <code>breakwater staging suite import</code>.</p>");
        } else {
            h.tag("<table><tr><th>Suite</th><th>Services</th><th>Schedule</th><th>Newest run</th><th>Versions</th></tr>");
            for (StagingSuite s : suites) {
                Optional<SuiteRun> last = results().runs(Optional.of(s.name()), 1).stream().findFirst();
                h.tag("<tr><td>").link("/staging/suites/" + s.name(), s.name()).tag("</td><td>")
                        .text(String.join(", ", s.services())).tag("</td><td><code>").text(s.cron()).tag("</code> ")
                        .text(s.zone().getId()).tag("</td><td>");
                last.ifPresentOrElse(r -> status(h, r), () -> h.text("never run"));
                h.tag("</td><td>").text(last.map(SuitePages::versions).orElse("")).tag("</td></tr>");
            }
            h.tag("</table>");
        }
        WebAuth.html(ctx, "Staging suites", h);
    }

    private static String versions(SuiteRun r) {
        return String.join(", ", r.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static void status(Html h, SuiteRun r) {
        h.tag("<span class=\"" + (r.green() ? "met" : r.status().id().equals("running") ? "pending" : "failed") + "\">")
                .link("/staging/runs/" + r.id(), "#" + r.id() + " " + r.status().id()).tag("</span> ")
                .text(Times.show(r.started()));
    }

    private void suite(Context ctx) {
        String name = ctx.pathParam("name");
        StagingSuite s = results().suites().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> Problem.notFound("no suite '" + name + "'"));
        List<SuiteRun> newest = results().runs(Optional.of(name), CHART_RUNS);
        List<SuiteRun> oldestFirst = new ArrayList<>(newest);
        Collections.reverse(oldestFirst);
        Html h = new Html();
        h.tag("<p>").text("Covers " + String.join(", ", s.services()) + " in " + s.environment() + " · runs ")
                .tag("<code>").text(s.cron()).tag("</code> ").text(s.zone().getId() + " · timeout "
                        + Durations.show(s.timeout()) + " · display " + s.display().id() + " · from " + s.origin())
                .tag("</p><p>Command: <code>").text(s.command()).tag("</code> · results <code>").text(s.results())
                .tag("</code></p>");
        h.tag("<h2>Runs</h2>");
        SuiteChart.svg(h, oldestFirst);
        h.tag("<table><tr><th>Run</th><th>Started</th><th>Trigger</th><th>Tests</th><th>Failed</th><th>Versions</th>"
                + "<th>Message</th></tr>");
        for (SuiteRun r : newest.subList(0, Math.min(20, newest.size()))) {
            h.tag("<tr><td>");
            status(h, r);
            h.tag("</td><td>").text(Times.show(r.started())).tag("</td><td>").text(r.trigger()).tag("</td><td>")
                    .text(Integer.toString(r.tests())).tag("</td><td>").text(Integer.toString(r.failures()))
                    .tag("</td><td>").text(versions(r)).tag("</td><td class=\"long\">").text(r.message()).tag("</td></tr>");
        }
        h.tag("</table><h2>Tests</h2>");
        tests(h, results().history(name, FlakeRule.defaults()));
        WebAuth.html(ctx, "Suite " + name, h);
    }

    private static void tests(Html h, Map<TestId, TestStats> tests) {
        if (tests.isEmpty()) {
            h.tag("<p>No test results yet.</p>");
            return;
        }
        h.tag("<table><tr><th>Test</th><th>Pass streak</th><th>Flip rate</th><th></th><th>Median</th><th>p95</th>"
                + "<th>Last failure</th></tr>");
        for (TestStats t : tests.values()) {
            h.tag("<tr><td class=\"long\">").text(t.id().value()).tag("</td><td>").text(Integer.toString(t.passStreak()))
                    .tag("</td><td>").text(String.format(java.util.Locale.ROOT, "%.2f", t.flipRate())).tag("</td><td>")
                    .tag(t.flaky() ? "<span class=\"pending\">flaky</span>" : "").tag("</td><td>")
                    .text(t.median().map(d -> d.toMillis() + " ms").orElse("")).tag("</td><td>")
                    .text(t.p95().map(d -> d.toMillis() + " ms").orElse("")).tag("</td><td>");
            t.lastFailure().ifPresent(r -> h.link("/staging/runs/" + r, "#" + r));
            h.tag("</td></tr>");
        }
        h.tag("</table>");
    }

    private void run(Context ctx) {
        long id = Requests.id(ctx.pathParam("id"));
        SuiteRun r = results().run(id).orElseThrow(() -> Problem.notFound("no run " + id));
        Html h = new Html();
        h.tag("<p>").link("/staging/suites/" + r.suite(), "Suite " + r.suite()).text(" · ");
        status(h, r);
        h.text(" · " + r.trigger() + r.exitCode().map(x -> " · exit code " + x).orElse("")
                + (versions(r).isEmpty() ? "" : " · staging ran " + versions(r))).tag("</p><p>").text(r.message())
                .tag("</p><table><tr><th>Test</th><th>Status</th><th>Duration</th><th>Message</th></tr>");
        for (StoredCase c : results().cases(id)) {
            h.tag("<tr><td class=\"long\">").text(c.id().value()).tag("</td><td class=\"" + (c.status().broken() ? "failed"
                    : "met") + "\">").text(c.status().name().toLowerCase(java.util.Locale.ROOT)).tag("</td><td>")
                    .text(c.duration().toMillis() + " ms").tag("</td><td class=\"long\">").text(c.message())
                    .tag("</td></tr>");
        }
        h.tag("</table><h2>Output</h2><pre class=\"mail\">").text(r.output()).tag("</pre>");
        WebAuth.html(ctx, "Run #" + id + " of " + r.suite(), h);
    }
}

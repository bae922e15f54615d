package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.ReleaseAssessment;
import org.breakwater.staging.Coverage;
import org.breakwater.staging.Parity;
import org.breakwater.staging.StagingPair;
import org.breakwater.staging.TestCallers;

/** The staging pages: parity of every service, a service's coverage, and the plan page's staging section. */
final class StagingPages {
    /** Days of traffic the plan page's section looks at. */
    static final int PLAN_DAYS = 30;

    private final App app;

    StagingPages(App app) {
        this.app = app;
    }

    List<String> register(Javalin server) {
        server.get("/staging/parity", this::parity);
        server.get("/staging/coverage/{name}", this::coverage);
        return List.of("/staging/parity", "/staging/coverage/{name}");
    }

    private void parity(Context ctx) {
        StagingPair envs = StagingRoutes.pair(app, ctx);
        int days = StagingRoutes.days(ctx);
        List<Parity> all = app.parity().all(envs, days).stream().sorted(java.util.Comparator.comparingInt(Parity::score)
                .thenComparing(Parity::service)).toList(); // the services with gaps first
        Html h = new Html();
        h.el("p", envs.staging() + " against " + envs.production() + ", traffic of the last " + days + " days. Score:"
                + " the share of checks passed — what runs (a later candidate in staging passes), no production host"
                + " calling staging, and one per consumer active in production that staging also sees.");
        h.tag("<table><tr><th>Service</th><th>Score</th><th>").text(envs.staging()).tag("</th><th>")
                .text(envs.production()).tag("</th><th>Versions</th><th>Coverage (named callers)</th><th>Gaps</th></tr>");
        for (Parity p : all) {
            Optional<Coverage> c = ok(app.coverage().coverage(p.service(), envs.staging(),
                    List.of(app.coverage().lastDays(days)), known()));
            h.tag("<tr id=\"" + p.service() + "\"><td>").link("/services/" + p.service(), p.service())
                    .tag(p.gaps().isEmpty() ? "</td><td class=\"met\">" : "</td><td class=\"failed\">")
                    .text(p.score() + "% (" + p.passed() + " of " + p.checks() + ")").tag(p.productionTrafficRead() ? ""
                            : "<br><span class=\"waived\">no production log read</span>").tag("</td><td>")
                    .text(shown(p.staging())).tag("</td><td>").text(shown(p.production())).tag("</td><td>")
                    .text(p.versions().label()).tag("</td><td>");
            if (c.isPresent() && !c.get().operations().isEmpty()) {
                h.link("/staging/coverage/" + p.service() + "?days=" + days, c.get().exercised() + " of "
                        + c.get().operations().size() + " (" + c.get().percent() + "%)");
            } else {
                h.text("—");
            }
            h.tag("</td><td>");
            gaps(h, p.gaps());
            h.tag("</td></tr>");
        }
        h.tag("</table>");
        WebAuth.html(ctx, "Staging parity", h);
    }

    private void coverage(Context ctx) {
        String name = ctx.pathParam("name");
        if (app.catalog().service(name).isEmpty()) {
            throw Problem.notFound(app.catalog().unknownService(name));
        }
        String env = Optional.ofNullable(ctx.queryParam("env")).orElseGet(() -> StagingRoutes.pair(app, ctx).staging());
        Html h = new Html();
        if (StagingRoutes.bySuites(ctx)) {
            bySuites(name, env, h);
        } else {
            table(h, Requests.done(app.coverage().coverage(name, env, List.of(ctx.queryParam("days") != null
                    ? app.coverage().lastDays(StagingRoutes.days(ctx)) : StagingRoutes.window(ctx)),
                    StagingRoutes.callers(ctx)), 400));
        }
        h.tag("<p>").link("/staging/coverage/" + name + "?identify=known", "Calls of every caller the catalog names")
                .text(" · ").link("/staging/parity", "Parity of every service").tag("</p>");
        WebAuth.html(ctx, "Coverage of " + name + " in " + env, h);
    }

    /**
     * The coverage of each suite covering {@code name} with an identify rule, from its runs of the
     * last days, then the replays' (the operations whose calls they sent and had answered).
     */
    private void bySuites(String name, String env, Html h) {
        List<Coverage.Source> sources = app.suiteCoverage().sources(name, PLAN_DAYS);
        if (sources.isEmpty()) {
            h.el("p", "No suite with an identify rule covers " + name + " (identify: in its catalog entry).");
        }
        for (Coverage.Source src : sources) {
            h.tag("<h2>").link("/staging/suites/" + src.name(), "Suite " + src.name()).tag("</h2>");
            Outcome<Coverage> c = app.suiteCoverage().suite(src.name(), name, env, PLAN_DAYS);
            if (c instanceof Outcome.Refused<Coverage> r) {
                h.el("p", r.reason());
            } else {
                table(h, ((Outcome.Done<Coverage>) c).value());
            }
        }
        h.tag("<h2>Replay of production's calls</h2>");
        Outcome<Coverage> replayed = app.suiteCoverage().replay(name, env, PLAN_DAYS);
        if (replayed instanceof Outcome.Done<Coverage> d) {
            table(h, d.value());
        } else {
            h.el("p", ((Outcome.Refused<Coverage>) replayed).reason());
        }
    }

    private static void table(Html h, Coverage c) {
        List<Coverage.Window> ws = c.windows();
        h.el("p", c.version().map(v -> c.service() + " " + v + " in " + c.environment() + ": " + c.exercised() + " of "
                + c.operations().size() + " operations exercised (" + c.percent() + "%)").orElse(c.service()
                + ": nothing deployed to " + c.environment()) + " by " + c.callers().rule() + ", " + (ws.size() == 1
                ? Times.show(ws.get(0).since()) + " → " + Times.show(ws.get(0).until()) : "in " + ws.size() + " runs, "
                + Times.show(ws.get(0).since()) + " → " + Times.show(ws.get(ws.size() - 1).until())) + ".");
        h.tag("<table><tr><th>Operation</th><th>Exercised</th><th>Calls</th><th>By</th></tr>");
        for (Coverage.Operation o : c.operations()) {
            h.tag("<tr><td><code>").text(o.operation()).tag(o.exercised() ? "</code></td><td class=\"met\">yes"
                    : "</code></td><td class=\"pending\">no").tag("</td><td>").text(Long.toString(o.calls()))
                    .tag("</td><td>").text(String.join(", ", o.callers())).tag("</td></tr>");
        }
        h.tag("</table>");
        if (!c.elsewhere().isEmpty()) {
            h.el("p", "Calls to nothing this description serves: " + String.join(", ", c.elsewhere().stream()
                    .map(o -> o.operation() + " (" + o.calls() + ")").toList()));
        }
    }

    /**
     * The plan page's staging section: for each service the plan releases, its parity gaps, and
     * the operations the release changes that no suite covering it called in staging during its
     * runs of the last {@link #PLAN_DAYS} days (each suite's identify rule, its runs' windows).
     */
    static void plan(Html h, App app, PlanReport r) {
        Outcome<StagingPair> pair = app.parity().environments(Optional.empty(), Optional.empty());
        if (!(pair instanceof Outcome.Done<StagingPair> d)) {
            return;
        }
        Set<String> services = new LinkedHashSet<>();
        r.assessment().releases().forEach(ra -> services.add(ra.service().name()));
        List<Coverage.Untested> untested = app.suiteCoverage().untested(r, d.value().staging(), PLAN_DAYS);
        h.tag("<h2 id=\"staging\">Staging</h2><table><tr><th>Service</th><th>Parity</th><th>Gaps</th>"
                + "<th>Changed, not exercised in staging</th></tr>");
        for (String s : services) {
            Optional<Parity> p = ok(app.parity().parity(s, d.value(), PLAN_DAYS));
            List<Coverage.Untested> mine = untested.stream().filter(u -> u.service().equals(s)).toList();
            h.tag("<tr><td>").link("/staging/parity#" + s, s).tag("</td><td>")
                    .text(p.map(x -> x.score() + "%" + (x.productionTrafficRead() ? "" : " (no production log read)"))
                            .orElse("—")).tag("</td><td>");
            gaps(h, p.map(Parity::gaps).orElse(List.of()));
            h.tag("</td><td" + (mine.isEmpty() ? ">" : " class=\"pending\">"));
            mine.stream().limit(Pages.TRAFFIC_ROWS).forEach(u -> h.tag("<code>").text(u.operation()).tag("</code><br>"));
            h.tag("</td></tr>");
        }
        h.tag("</table>");
        h.el("p", "Exercised: called in " + d.value().staging() + " by a suite covering the service (its identify rule)"
                + " during its runs of the last " + PLAN_DAYS + " days, or sent there by a replay of production's calls"
                + " and answered (breakwater staging coverage --suite or --replay; GET /api/v1/plans/" + r.plan().id()
                + "/untested).");
    }

    private static void gaps(Html h, List<String> gaps) {
        if (gaps.isEmpty()) {
            h.text("none");
        }
        gaps.stream().limit(Pages.TRAFFIC_ROWS).forEach(g -> h.tag("<span class=\"failed\">").text(g).tag("</span><br>"));
    }

    private static TestCallers known() {
        return ((Outcome.Done<TestCallers>) TestCallers.parse("known")).value();
    }

    private static <T> Optional<T> ok(Outcome<T> o) {
        return o instanceof Outcome.Done<T> d ? Optional.of(d.value()) : Optional.empty();
    }

    private static String shown(Optional<Placement> p) {
        return p.map(Placement::version).orElse("—");
    }
}

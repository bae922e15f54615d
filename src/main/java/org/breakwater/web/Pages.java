package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.AnnounceService;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.AuditEntry;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;
import org.breakwater.cli.common.Ages;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.BreakImpact;
import org.breakwater.plan.CanDeploy;
import org.breakwater.plan.DiffOutcome;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Gate;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.ReleaseAssessment;

/**
 * The server-rendered pages: the dashboard, a service, a plan. Plain URLs that can be pasted
 * into a mail or a chat; readable without JavaScript.
 */
final class Pages {
    private final App app;
    private final PlanService plans;
    private final AccessService access;
    private final AnnounceService announcements;

    Pages(App app, PlanService plans, AccessService access, AnnounceService announcements) {
        this.app = app;
        this.plans = plans;
        this.access = access;
        this.announcements = announcements;
    }

    /** Who changed what here, newest first: the audit log's entries about {@code subject}. */
    private void audit(Html h, String subject) {
        List<AuditEntry> entries = access.auditLog(Optional.of(subject), 30);
        h.tag("<h2 id=\"audit\">Changes made through Breakwater</h2>");
        if (entries.isEmpty()) {
            h.el("p", "None yet.");
            return;
        }
        h.tag("<table><tr><th>When</th><th>Who</th><th>What</th><th>Detail</th></tr>");
        for (AuditEntry e : entries) {
            h.tag("<tr><td>").text(Times.show(e.at())).tag("</td><td>").text(e.actor()).tag("</td><td>").text(e.action())
                    .tag("</td><td class=\"long\">").text(e.detail().orElse("")).tag("</td></tr>");
        }
        h.tag("</table>");
    }

    List<String> register(Javalin server) {
        server.get("/", this::dashboard);
        server.get("/services/{name}", ctx -> service(ctx, FormInput.NONE));
        server.get("/plans/{id}", ctx -> plan(ctx, FormInput.NONE));
        server.get("/calendar", this::calendar);
        server.get("/calendar.ics", ctx -> ctx.contentType("text/calendar; charset=utf-8")
                .result(org.breakwater.calendar.files.IcsWriter.write("Planned deployments", plans.schedule(problem ->
                        org.slf4j.LoggerFactory.getLogger(Pages.class).warn("calendar.ics: {}", problem)), Instant.now())));
        return List.of("/", "/services/{name}", "/plans/{id}", "/calendar", "/calendar.ics");
    }

    private static void html(Context ctx, String title, Html body) {
        WebAuth.html(ctx, title, body);
    }

    private void dashboard(Context ctx) {
        Instant now = Instant.now();
        Html h = new Html();
        List<Window> windows = app.calendar().load().between(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(120)));
        Optional<Window> current = windows.stream().filter(w -> w.kind() == WindowKind.FREEZE && w.contains(now)).findFirst();
        Optional<Window> next = windows.stream().filter(w -> w.kind() == WindowKind.FREEZE && w.start().isAfter(now))
                .filter(w -> Duration.between(w.start(), w.end()).toHours() >= 24).findFirst();
        h.el("p", current.map(w -> "Now inside " + w.name() + " (until " + Times.show(w.end()) + ").")
                .orElse("No freeze now.") + next.map(w -> " Next freeze: " + w.name() + ", " + Times.show(w.start())
                + " → " + Times.show(w.end()) + ".").orElse(""));
        h.tag("<h2>Upcoming deployments</h2><p>").link("/plans/new", "Plan a deployment").tag("</p><table><tr><th>Plan</th><th>Start</th><th>Ships</th><th>Status</th>"
                + "<th>Gates</th><th>Overdue</th></tr>");
        List<Plan> upcoming = plans.list(Optional.empty()).stream().filter(p -> p.status().open())
                .sorted(java.util.Comparator.comparing(Plan::start)).toList();
        for (Plan p : upcoming) {
            PlanReport r = Requests.done(plans.report(p.id()), 404);
            long failed = r.gates().stream().filter(g -> g.state() == org.breakwater.plan.GateState.FAILED).count();
            h.tag("<tr><td>").link("/plans/" + p.id(), "#" + p.id() + " " + p.title()).tag("</td><td>")
                    .text(Times.show(p.start())).tag("</td><td>").text(p.releaseLabel() + " → " + p.environment())
                    .tag("</td><td>").text(p.status().id()).tag("</td><td>").text(r.met() + " of " + r.gates().size() + " met")
                    .tag("</td><td" + (failed > 0 ? " class=\"failed\">" : ">")).text(failed > 0 ? failed + " failed" : "—")
                    .tag("</td></tr>");
        }
        h.tag("</table><h2>Services</h2><table><tr><th>Service</th><th>Tier</th><th>Owner</th></tr>");
        for (Service s : app.catalog().services()) {
            h.tag("<tr><td>").link("/services/" + s.name(), s.name()).tag("</td><td>").text(s.tier().id())
                    .tag("</td><td>").text(s.owner()).tag("</td></tr>");
        }
        h.tag("</table>");
        html(ctx, "Dashboard", h);
    }

    /** A month view: releases, freezes and planned deployments, day by day, this month and the next two. */
    private void calendar(Context ctx) {
        java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1);
        Instant from = first.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        Instant to = first.plusMonths(3).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        List<Window> windows = app.calendar().load().between(from, to).stream()
                .filter(w -> Duration.between(w.start(), w.end()).toHours() >= 12).toList();
        List<Plan> planned = plans.list(Optional.empty()).stream()
                .filter(p -> p.status() != org.breakwater.plan.PlanStatus.CANCELLED).toList();
        Html h = new Html();
        h.tag("<p>").link("/calendar.ics", "Subscribe to the planned deployments (.ics)")
                .text(" · weekly windows shorter than half a day are left out of this view").tag("</p>");
        for (int m = 0; m < 3; m++) {
            java.time.LocalDate month = first.plusMonths(m);
            h.tag("<h2>").text(month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                    + " " + month.getYear()).tag("</h2><table><tr><th>Mon</th><th>Tue</th><th>Wed</th><th>Thu</th>"
                    + "<th>Fri</th><th>Sat</th><th>Sun</th></tr><tr>");
            int lead = month.getDayOfWeek().getValue() - 1;
            for (int i = 0; i < lead; i++) {
                h.tag("<td></td>");
            }
            for (java.time.LocalDate d = month; d.getMonth() == month.getMonth(); d = d.plusDays(1)) {
                Instant dayStart = d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                Instant dayEnd = dayStart.plus(Duration.ofDays(1));
                h.tag("<td><strong>").text(Integer.toString(d.getDayOfMonth())).tag("</strong>");
                for (Window w : windows) {
                    if (w.overlaps(dayStart, dayEnd)) {
                        h.tag("<br><span class=\"" + (w.kind() == WindowKind.FREEZE ? "failed" : "met") + "\">")
                                .text(w.name()).tag("</span>");
                    }
                }
                for (Plan p : planned) {
                    if (!p.start().isBefore(dayStart) && p.start().isBefore(dayEnd)) {
                        h.tag("<br>").link("/plans/" + p.id(), "deploy: " + p.title());
                    }
                }
                h.tag("</td>");
                if (d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                    h.tag("</tr><tr>");
                }
            }
            h.tag("</tr></table>");
        }
        html(ctx, "Calendar", h);
    }

    /** A service's page; {@code in}: a refused form shown again. */
    void service(Context ctx, FormInput in) {
        String name = ctx.pathParam("name");
        Service s = app.catalog().service(name).orElseThrow(() -> Problem.notFound("no service '" + name + "'"));
        Instant now = Instant.now();
        Html h = new Html();
        in.notice(h);
        h.el("p", s.title() + " — " + s.tier().id() + ", owned by " + s.owner()
                + (s.freezeSensitive() ? ", frozen during release freezes" : ""));
        if (!s.announce().isEmpty()) {
            h.el("p", "Announcements go to " + String.join(", ", s.announce()));
        }
        h.tag("<h2>What runs where</h2><table><tr><th>Environment</th><th>Version</th><th>API</th><th>Since</th><th>By</th></tr>");
        for (Placement p : Requests.done(app.catalog().where(Optional.of(name)), 404)) {
            h.tag("<tr><td>").text(p.environment()).tag("</td><td>").text(p.version()).tag("</td><td><code>")
                    .text(p.apiHash().map(org.breakwater.catalog.ApiDescription::shortHash).orElse("—"))
                    .tag("</code></td><td>").text(Ages.since(p.since(), now) + " ago").tag("</td><td>").text(p.by())
                    .tag("</td></tr>");
        }
        h.tag("</table><h2>History</h2><table><tr><th>When</th><th>Environment</th><th>Version</th><th>By</th><th>Notes</th></tr>");
        for (Deployment d : app.catalog().history(name, Optional.empty(), 15)) {
            h.tag("<tr><td>").text(Times.show(d.at())).tag("</td><td>").text(d.environment()).tag("</td><td>")
                    .text(d.version()).tag("</td><td>").text(d.by()).tag("</td><td>").text(d.notes().orElse(""))
                    .tag("</td></tr>");
        }
        h.tag("</table><h2>Consumers</h2><table><tr><th>Consumer</th><th>Owner</th><th>Via</th><th>Uses</th></tr>");
        for (AffectedConsumer a : Requests.done(app.catalog().consumers(name, Optional.empty(), true), 404)) {
            h.tag("<tr><td>").text(a.consumer().name() + " (" + a.consumer().kind().id() + ")").tag("</td><td>")
                    .text(a.consumer().owner()).tag("</td><td>").text(String.join(" → ", a.via())).tag("</td><td>")
                    .text(a.uses().isEmpty() ? "whole API" : String.join(", ", a.uses().stream().map(Object::toString).toList()))
                    .tag("</td></tr>");
        }
        h.tag("</table>");
        PlanForms.renderDeployment(h, s, app.catalog().environments(), WebAuth.session(ctx),
                WebAuth.session(ctx).map(x -> x.principal().mayChange(s.owner())).orElse(false), in);
        traffic(h, s.name());
        audit(h, "service/" + s.name());
        html(ctx, s.name(), h);
    }

    /** Rows of traffic shown on a page; `breakwater traffic` has them all. */
    static final int TRAFFIC_ROWS = 50;

    /** The service page's callers as seen in its access logs (breakwater traffic ingest). */
    private void traffic(Html h, String service) {
        List<org.breakwater.traffic.Usage> usages = app.traffic().usages(service, Optional.empty());
        h.tag("<h2 id=\"traffic\">Callers seen in the access logs</h2>");
        if (usages.isEmpty()) {
            h.el("p", "No access log read yet (breakwater traffic ingest --service " + service + " --env ENV FILES).");
            return;
        }
        h.tag("<table><tr><th>Environment</th><th>Caller</th><th>Operation</th><th>Calls</th><th>First seen</th>"
                + "<th>Last seen</th></tr>");
        usages.stream().sorted(java.util.Comparator.comparing(org.breakwater.traffic.Usage::known)
                .thenComparing(org.breakwater.traffic.Usage::environment)).limit(TRAFFIC_ROWS).forEach(u ->
                h.tag("<tr><td>").text(u.environment()).tag(u.known() ? "</td><td>" : "</td><td class=\"failed\">")
                        .text(u.caller()).tag("</td><td><code>").text(u.operation()).tag("</code></td><td>")
                        .text(Long.toString(u.count())).tag("</td><td>").text(Times.show(u.firstSeen())).tag("</td><td>")
                        .text(Times.show(u.lastSeen())).tag("</td></tr>"));
        h.tag("</table>");
        if (usages.size() > TRAFFIC_ROWS) {
            h.el("p", (usages.size() - TRAFFIC_ROWS) + " more rows: breakwater traffic consumers " + service);
        }
        List<org.breakwater.traffic.Crossings.Crossing> crossings = app.traffic().crossings(service);
        if (crossings.isEmpty()) {
            return;
        }
        h.tag("<h2 id=\"crossings\">Calls across environments</h2>");
        h.el("p", "Hosts the catalog places in one environment calling this service in another: a production script"
                + " still pointing at staging, or a staging host calling production.");
        h.tag("<table><tr><th>Calls into</th><th>From</th><th>Address</th><th>Caller</th><th>Calls</th>"
                + "<th>Last seen</th></tr>");
        crossings.stream().limit(TRAFFIC_ROWS).forEach(c -> h.tag("<tr class=\"failed\"><td>").text(c.environment())
                .tag("</td><td>").text(c.origin()).tag("</td><td>").text(c.address()).tag("</td><td>").text(c.caller())
                .tag("</td><td>").text(Long.toString(c.count())).tag("</td><td>").text(Times.show(c.lastSeen()))
                .tag("</td></tr>"));
        h.tag("</table>");
    }

    /** The plan page's callers, known or not, still calling what it breaks (last 30 days of traffic). */
    private void impact(Html h, PlanReport r) {
        List<org.breakwater.traffic.TrafficService.Hit> hits = app.traffic().impact(r, Duration.ofDays(30), Instant.now());
        if (hits.isEmpty()) {
            return;
        }
        h.tag("<h2 id=\"traffic\">Still calling what breaks (access logs, last 30 days)</h2><table><tr><th>Caller</th>"
                + "<th>Operation</th><th>Calls</th><th>Last seen</th><th>Breaks</th></tr>");
        hits.stream().limit(TRAFFIC_ROWS).forEach(x -> h.tag("<tr><td" + (x.known() ? ">" : " class=\"failed\">"))
                .text(x.caller()).tag("</td><td><code>").text(x.service() + " " + x.operation()).tag("</code></td><td>")
                .text(Long.toString(x.calls())).tag("</td><td>").text(Times.show(x.lastSeen())).tag("</td><td>")
                .text(String.join("; ", x.changes())).tag("</td></tr>"));
        h.tag("</table>");
        long unknown = hits.stream().filter(x -> !x.known()).map(org.breakwater.traffic.TrafficService.Hit::caller)
                .distinct().count();
        if (unknown > 0) {
            h.el("p", unknown + " caller(s) in red are in no catalog: find their owners before the deployment.");
        }
    }

    /**
     * The plan page's consumer migrations: unknown callers and warnings first, then the most
     * advanced; the first {@link #TRAFFIC_ROWS} (the API and `breakwater traffic migrations` have all).
     */
    private void migrations(Html h, PlanReport r) {
        if (r.migrations().isEmpty()) {
            return;
        }
        h.tag("<h2 id=\"migrations\">Consumer migrations</h2>");
        h.el("p", org.breakwater.plan.cli.MigrationOutput.counts(r.migrations())
                + ". Declared → acknowledged → verified in staging → verified in production: from the catalog, the"
                + " evidence recorded here and the access logs (breakwater traffic migrations " + r.plan().id() + ").");
        h.tag("<table><tr><th>Consumer</th><th>State</th><th>Why</th><th>Still calls (plan's environment)</th>"
                + "<th>Warnings</th></tr>");
        org.breakwater.plan.cli.MigrationOutput.first(r.migrations(), TRAFFIC_ROWS).forEach(m -> {
                    h.tag(m.known() ? "<tr><td>" : "<tr><td class=\"failed\">").text(m.consumer());
                    if (!m.declared()) {
                        h.tag(" <span class=\"outside\">seen in the logs only</span>");
                    }
                    h.tag("</td><td class=\"" + (m.known() && m.state().reached(org.breakwater.plan.MigrationState
                            .VERIFIED_STAGING) ? "met" : "pending") + "\">")
                            .text(m.known() ? m.state().label() : "unknown").tag("</td><td>").text(m.why())
                            .tag("</td><td>");
                    for (org.breakwater.plan.Migration.Call c : m.stillCalls()) {
                        h.tag("<code>").text(c.operation()).tag("</code> ").text(c.calls() + " calls, last "
                                + Times.show(c.lastSeen())).tag("<br>");
                    }
                    h.tag("</td><td" + (m.warnings().isEmpty() ? ">" : " class=\"failed\">"));
                    for (String w : m.warnings()) {
                        h.text(w).tag("<br>");
                    }
                    h.tag("</td></tr>");
                });
        h.tag("</table>");
        if (r.migrations().size() > TRAFFIC_ROWS) {
            h.el("p", (r.migrations().size() - TRAFFIC_ROWS) + " more: breakwater traffic migrations " + r.plan().id()
                    + ", or GET /api/v1/plans/" + r.plan().id() + "/migrations");
        }
    }

    /** At most this many consumers are named in one cell of the plan page; the API has them all. */
    static final int NAMES_SHOWN = 30;

    /** Consumers' names for a cell: the first {@link #NAMES_SHOWN}, then how many more and where they are. */
    static String names(List<AffectedConsumer> consumers, long plan) {
        String shown = String.join(", ", consumers.stream().limit(NAMES_SHOWN).map(a -> a.consumer().name()).toList());
        return consumers.size() <= NAMES_SHOWN ? shown : shown + " … and " + (consumers.size() - NAMES_SHOWN)
                + " more (all of them: GET /api/v1/plans/" + plan + ")";
    }

    /** The plan page of visitors not logged in, per plan, while its report is the same object. */
    private final KeptPages anonymous = new KeptPages();

    /**
     * A plan's page: the answer and the next thing to do on top, then its gates; {@code in}: a
     * refused form shown again. A visitor not logged in gets the page kept for the same report.
     */
    void plan(Context ctx, FormInput in) {
        PlanReport r = Requests.done(plans.report(Requests.id(ctx.pathParam("id"))), 404);
        if (in == FormInput.NONE && WebAuth.session(ctx).isEmpty()) {
            WebAuth.html(ctx, anonymous.of(r.plan().id(), r, () -> Html.page(title(r.plan()), planBody(ctx, r, in),
                    java.util.Optional.empty())));
            return;
        }
        html(ctx, title(r.plan()), planBody(ctx, r, in));
    }

    private static String title(Plan p) {
        return "Plan " + p.id() + ": " + p.title();
    }

    private Html planBody(Context ctx, PlanReport r, FormInput in) {
        Plan p = r.plan();
        Html h = new Html();
        in.notice(h);
        h.el("p", p.releaseLabel() + " → " + p.environment() + ", " + Times.show(p.start()) + " for "
                + Times.show(p.duration()) + "; " + p.status().id() + "; owner " + p.owner());
        h.tag("<p>").link("/plans/" + p.id() + "/board", "The day's board").tag(" (checklist, roster, rollback)</p>");
        h.tag("<p><strong>Policy: ").text(r.assessment().verdict().label()).tag("</strong> — ")
                .text(r.assessment().verdict().reason()).tag("</p>");
        CanDeploy answer = plans.canDeploy(r);
        PlanGates.summary(h, r, answer);
        boolean may = WebAuth.session(ctx).map(x -> Permissions.mayChangePlan(app, p, x.principal())).orElse(false);
        PlanForms.render(h, r, WebAuth.session(ctx), may, in);
        PlanGates.table(h, r, WebAuth.session(ctx), may, in);
        ReplayPages.onPlanPage(h, app, p, WebAuth.session(ctx), may);
        h.tag("<h2>Affected consumers by team</h2>");
        if (r.assessment().consumersByTeam().isEmpty()) {
            h.el("p", "No known consumer is hit by a breaking change.");
        } else {
            h.tag("<table><tr><th>Team</th><th>Consumers</th></tr>");
        }
        for (Map.Entry<String, List<AffectedConsumer>> e : r.assessment().consumersByTeam().entrySet()) {
            h.tag("<tr><td>").text(e.getKey());
            if (r.assessment().outsideTeams().contains(e.getKey())) {
                h.tag(" <span class=\"outside\">outside infrastructure</span>");
            }
            h.tag("</td><td>").text(names(e.getValue(), p.id()))
                    .tag("</td></tr>");
        }
        if (!r.assessment().consumersByTeam().isEmpty()) {
            h.tag("</table>");
        }
        migrations(h, r);
        for (ReleaseAssessment ra : r.assessment().releases()) {
            h.tag("<h2>").text(ra.release().service() + " " + ra.release().version()).tag("</h2>");
            h.el("p", ra.semver().explanation() + ". Policy: " + ra.verdict().reason());
            if (ra.impacts().isEmpty()) {
                h.el("p", ra.diff() instanceof DiffOutcome.NoDescription n ? "Whether the API breaks is unknown: it was"
                        + " not compared (" + n.why() + ")." : "No breaking change found.");
                continue;
            }
            h.tag("<table><tr><th>Operation</th><th>Breaking change</th><th>Hits</th></tr>");
            for (BreakImpact i : ra.impacts()) {
                Finding f = i.finding();
                h.tag("<tr><td><code>").text(f.operation().isEmpty() ? "(whole API)" : f.operation()).tag("</code></td><td>")
                        .text(f.message() + " [" + f.id() + "]").tag("</td><td>")
                        .text(i.consumers().isEmpty() ? "no known consumer"
                                : names(i.consumers(), p.id()))
                        .tag("</td></tr>");
            }
            h.tag("</table>");
        }
        impact(h, r);
        StagingPages.plan(h, app, r);
        MeetingPages.planFollowUps(h, app.meetings(plans.policy()).openFollowUps(Optional.of(p.id())));
        AnnouncePages.render(h, p, announcements.list(Optional.of(p.id())), announcements.reminderApprover(p.id()),
                WebAuth.session(ctx), may, in);
        audit(h, "plan/" + p.id());
        return h;
    }
}

package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.auth.Session;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.Times;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentEvent;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.IncidentStatus;
import org.breakwater.deployday.incident.NewIncident;
import org.breakwater.deployday.incident.Severity;

/**
 * The incident pages: the list (active first, or all), and per incident its times, history and
 * the buttons to acknowledge, assign, resolve or merge it — for logged-in service owners and
 * admins, CSRF-checked and audited. Plain forms: usable without JavaScript.
 */
final class IncidentPages {
    private final App app;
    private final AccessService access;
    private final WebAuth auth;

    IncidentPages(App app, AccessService access, WebAuth auth) {
        this.app = app;
        this.access = access;
        this.auth = auth;
    }

    void register(Javalin server) {
        server.get("/incidents", this::list);
        server.post("/incidents", this::open);
        server.get("/incidents/{id}", this::show);
        server.post("/incidents/{id}/acknowledge", ctx -> change(ctx, "acknowledged",
                (id, who) -> app.incidents().acknowledge(id, who)));
        server.post("/incidents/{id}/assign", ctx -> change(ctx, "assigned",
                (id, who) -> app.incidents().assign(id, form(ctx, "person"), who)));
        server.post("/incidents/{id}/resolve", ctx -> change(ctx, "resolved", (id, who) -> app.incidents().resolve(id,
                who, Optional.ofNullable(ctx.formParam("note")).filter(n -> !n.isBlank()))));
        server.post("/incidents/{id}/merge", ctx -> change(ctx, "merged", (id, who) -> app.incidents().merge(id,
                IncidentRoutes.number(form(ctx, "into")), who)));
    }

    private static String form(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).filter(v -> !v.isBlank())
                .orElseThrow(() -> Problem.badRequest("'" + field + "' is required"));
    }

    private static boolean mayChange(Optional<Session> s) {
        return s.map(x -> x.principal().role() != Role.VIEWER).orElse(false);
    }

    /** The table of incidents, for this page and others (a plan's board). */
    static void table(Html h, List<Incident> list) {
        h.tag("<table class=\"incidents\"><tr><th>#</th><th>Status</th><th>Severity</th><th>Service</th><th>Consumer"
                + "</th><th>Detected</th><th>Assignee</th><th>Title</th></tr>");
        for (Incident i : list) {
            h.tag("<tr><td>").link("/incidents/" + i.id(), "#" + i.id()).tag("</td><td class=\""
                    + (i.status().active() ? "failed" : "met") + "\">").text(i.status().id()).tag("</td><td>")
                    .text(i.severity().id()).tag("</td><td>").text(i.service()).tag("</td><td>")
                    .text(i.consumer().orElse("—")).tag("</td><td>").text(Times.show(i.detectedAt())).tag("</td><td>")
                    .text(i.assignee().orElse("—")).tag("</td><td class=\"long\">").text(i.title()).tag("</td></tr>");
        }
        h.tag("</table>");
    }

    private void list(Context ctx) {
        boolean all = "all".equals(ctx.queryParam("show"));
        List<Incident> list = app.incidents().list(new IncidentRepository.Filter(Optional.empty(), Optional.empty(),
                Optional.empty(), !all), 500);
        Html h = new Html();
        h.tag("<p>").text(all ? "Every incident, newest first. " : "Open and acknowledged incidents, newest first. ")
                .link(all ? "/incidents" : "/incidents?show=all", all ? "Only the active ones" : "Every incident")
                .tag("</p>");
        if (list.isEmpty()) {
            h.el("p", all ? "No incidents." : "No active incidents.");
        } else {
            table(h, list);
        }
        Optional<Session> s = WebAuth.session(ctx);
        if (mayChange(s)) {
            h.tag("<h2>Open an incident</h2><form method=\"post\" action=\"/incidents\" id=\"open-form\">")
                    .csrf(s.get().csrf())
                    .tag("<label>Service <input name=\"service\" required></label><label>Title <input name=\"title\""
                            + " size=\"60\" required></label><label>Severity <select name=\"severity\">");
            for (Severity v : Severity.values()) {
                h.tag("<option" + (v == Severity.MAJOR ? " selected" : "") + ">").text(v.id()).tag("</option>");
            }
            h.tag("</select></label><label>Consumer <input name=\"consumer\"></label>"
                    + "<label>Link <input name=\"link\" size=\"40\"></label> <button type=\"submit\">Open</button></form>");
        }
        WebAuth.html(ctx, "Incidents", h);
    }

    private void open(Context ctx) {
        Principal who = writer(ctx);
        String text = Optional.ofNullable(ctx.formParam("severity")).orElse("major");
        Severity severity = Severity.parse(text).orElseThrow(() -> Problem.badRequest("no severity '" + text + "'"));
        NewIncident n;
        try {
            n = new NewIncident(Optional.empty(), form(ctx, "title"), severity, form(ctx, "service"),
                    Optional.ofNullable(ctx.formParam("consumer")).filter(c -> !c.isBlank()), Optional.empty(),
                    Optional.empty(), Optional.ofNullable(ctx.formParam("link")).filter(l -> !l.isBlank()).stream()
                    .toList(), Optional.empty(), app.clock().instant(), who.username());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        Incident i = Requests.done(app.incidents().open(n), 400).incident();
        access.audit(who.username(), "incident-opened", "incident/" + i.id(), Optional.of(i.title()));
        ctx.redirect("/incidents/" + i.id(), HttpStatus.SEE_OTHER);
    }

    private Principal writer(Context ctx) {
        Principal who = auth.formUser(ctx);
        if (who.role() == Role.VIEWER) {
            throw new Problem(403, "Forbidden", who.username() + " is a viewer: changing incidents needs a service"
                    + " owner or an admin");
        }
        return who;
    }

    private void show(Context ctx) {
        long id = IncidentRoutes.number(ctx.pathParam("id"));
        Incident i = app.incidents().incident(id).orElseThrow(() -> Problem.notFound("no incident " + id));
        Html h = new Html();
        h.tag("<p>").text(i.status().id() + " · " + i.severity().id() + " · service " + i.service()
                + i.consumer().map(c -> " · consumer " + c).orElse("") + i.operation().map(o -> " · " + o).orElse(""));
        i.planId().ifPresent(p -> h.text(" · ").link("/plans/" + p, "plan " + p));
        i.mergedInto().ifPresent(m -> h.text(" · merged into ").link("/incidents/" + m, "#" + m));
        h.tag("</p><table><tr><th>Detected</th><th>Recorded</th><th>Acknowledged</th><th>Resolved</th><th>Assignee"
                + "</th></tr><tr><td>").text(Times.show(i.detectedAt()) + " by " + i.openedBy()).tag("</td><td>")
                .text(Times.show(i.recordedAt())).tag("</td><td>").text(i.acknowledgedAt().map(t -> Times.show(t) + " by "
                        + i.acknowledgedBy().orElse("?")).orElse("—")).tag("</td><td>").text(i.resolvedAt().map(t ->
                        Times.show(t) + " by " + i.resolvedBy().orElse("?")).orElse("—")).tag("</td><td>")
                .text(i.assignee().orElse("—")).tag("</td></tr></table>");
        i.firstFailingAt().ifPresent(f -> h.el("p", "First failing call: " + Times.show(f) + "; detected "
                + Times.show(i.timeToDetect().orElseThrow()) + " later."));
        i.detail().ifPresent(d -> h.el("p", d));
        for (String l : i.links()) {
            h.tag("<p>").link(l.startsWith("http://") || l.startsWith("https://") ? l : "#", l).tag("</p>");
        }
        Optional<Session> s = WebAuth.session(ctx);
        if (i.status().active() && mayChange(s)) {
            buttons(h, i, s.get().csrf());
        }
        h.tag("<h2>History</h2><table><tr><th>When</th><th>Who</th><th>What</th></tr>");
        for (IncidentEvent e : app.incidents().events(id)) {
            h.tag("<tr><td>").text(Times.show(e.at())).tag("</td><td>").text(e.by()).tag("</td><td>")
                    .text(e.action() + e.detail().map(d -> ": " + d).orElse("")).tag("</td></tr>");
        }
        h.tag("</table>");
        WebAuth.html(ctx, "Incident " + i.id() + ": " + i.title(), h);
    }

    private static void buttons(Html h, Incident i, String csrf) {
        String base = "/incidents/" + i.id();
        h.tag("<div class=\"controls\">");
        if (i.status() == IncidentStatus.OPEN) {
            h.tag("<form class=\"inline\" method=\"post\" action=\"" + base + "/acknowledge\">").csrf(csrf)
                    .tag("<button type=\"submit\">Acknowledge</button></form>");
        }
        h.tag("<form class=\"inline\" method=\"post\" action=\"" + base + "/assign\">").csrf(csrf)
                .tag("<input name=\"person\" placeholder=\"username\" required> <button type=\"submit\">Assign</button>"
                        + "</form><form class=\"inline\" method=\"post\" action=\"" + base + "/resolve\">").csrf(csrf)
                .tag("<input name=\"note\" placeholder=\"what fixed it\"> <button type=\"submit\">Resolve</button></form>"
                        + "<form class=\"inline\" method=\"post\" action=\"" + base + "/merge\">").csrf(csrf)
                .tag("<input name=\"into\" placeholder=\"incident #\" size=\"6\" required> <button type=\"submit\">"
                        + "Merge into</button></form></div>");
    }

    /** One change from a form. */
    interface Change {
        Outcome<Incident> apply(long id, String by);
    }

    private void change(Context ctx, String action, Change change) {
        Principal who = writer(ctx);
        long id = IncidentRoutes.number(ctx.pathParam("id"));
        app.incidents().incident(id).orElseThrow(() -> Problem.notFound("no incident " + id));
        Requests.done(change.apply(id, who.username()), 409);
        access.audit(who.username(), "incident-" + action, "incident/" + id, Optional.empty());
        ctx.redirect("/incidents/" + id, HttpStatus.SEE_OTHER);
    }
}

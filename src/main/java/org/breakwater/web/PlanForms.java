package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Session;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Service;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.EvidenceProblem;
import org.breakwater.plan.Gate;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanInput;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.Waiver;

/**
 * The pages' writes: plain HTML forms (no JavaScript needed) for a new plan, gate evidence,
 * waivers, a plan's status and start, and a deployment record. Each checks the session's CSRF
 * token and the user's role, leaves an entry in the audit log, and answers with a redirect to
 * the page it changed (so a reload does not post again), or with a page saying what to fix.
 */
final class PlanForms {
    private final App app;
    private final PlanService plans;
    private final AccessService access;
    private final WebAuth auth;
    private final Pages pages;

    PlanForms(App app, PlanService plans, AccessService access, WebAuth auth, Pages pages) {
        this.app = app;
        this.plans = plans;
        this.access = access;
        this.auth = auth;
        this.pages = pages;
    }

    /** Registers the forms; a refused one (400) shows its page again with what was typed and why. */
    void register(Javalin server) {
        server.get("/plans/new", ctx -> newPlanForm(ctx, FormInput.NONE));
        server.post("/plans", FormInput.keeping(this::createPlan, ctx -> "new-plan", this::newPlanForm));
        server.post("/plans/{id}/evidence", FormInput.keeping(this::evidence, ctx -> "evidence-" + ctx.formParam("gate"),
                pages::plan));
        server.post("/plans/{id}/waiver", FormInput.keeping(this::waiver, ctx -> "waiver-" + ctx.formParam("gate"),
                pages::plan));
        server.post("/plans/{id}/status", FormInput.keeping(this::status, ctx -> "status", pages::plan));
        server.post("/plans/{id}/schedule", FormInput.keeping(this::schedule, ctx -> "schedule", pages::plan));
        server.post("/services/{name}/deployments", FormInput.keeping(this::deployment, ctx -> "deployment",
                pages::service));
    }

    private static String field(Context ctx, String name, String label) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw Problem.badRequest(label + " is required");
        }
        if (v.length() > 2000) {
            throw Problem.badRequest(label + " is longer than 2,000 characters");
        }
        return v.strip();
    }

    private static Optional<String> optional(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static <T> T done(Outcome<T> o) {
        return Requests.done(o, 400);
    }

    /** The plan a form is about, once the user may change it. */
    private Plan plan(Context ctx, Principal who) {
        Plan plan = plans.plan(Requests.id(ctx.pathParam("id")))
                .orElseThrow(() -> Problem.notFound("no plan " + ctx.pathParam("id")));
        Permissions.requirePlan(app, plan, who);
        return plan;
    }

    private static void back(Context ctx, String path) {
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    private void evidence(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = plan(ctx, who);
        String gate = field(ctx, "gate", "the gate");
        Optional<String> decision = optional(ctx, "decision");
        Optional<Instant> at = optional(ctx, "at").map(t -> Requests.time(t).orElseThrow(() -> Problem.badRequest("'" + t
                + "' is not a time; write it in UTC as 2014-06-12 18:00, or leave it empty for now")));
        Optional<EvidenceProblem> wrong = plans.evidenceProblem(plan.id(), gate, optional(ctx, "note"));
        if (wrong.isPresent()) {
            refused(ctx, plan, wrong.get());
            return;
        }
        Evidence e = done(plans.record(plan.id(), gate, field(ctx, "evidence", "the evidence"), who.username(),
                at, optional(ctx, "note"), decision));
        access.audit(who.username(), "gate-evidence", "plan/" + plan.id(), Optional.of(gate + ": " + e.evidence()
                + e.decision().map(d -> " (decision: " + d + ")").orElse("")));
        back(ctx, "/plans/" + plan.id() + "#gates");
    }

    private void waiver(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = plan(ctx, who);
        String gate = field(ctx, "gate", "the gate");
        Waiver w = done(plans.waive(plan.id(), gate, field(ctx, "reason", "the reason"), who.username()));
        access.audit(who.username(), "gate-waived", "plan/" + plan.id(), Optional.of(gate + ": " + w.reason()));
        back(ctx, "/plans/" + plan.id() + "#gates");
    }

    private void status(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = plan(ctx, who);
        String text = field(ctx, "status", "the new status");
        PlanStatus status = PlanStatus.parse(text).orElseThrow(() -> Problem.badRequest("no status '" + text + "'"));
        PlanStatus before = plan.status();
        done(plans.setStatus(plan.id(), status));
        access.audit(who.username(), "plan-status", "plan/" + plan.id(), Optional.of(before.id() + " → " + status.id()));
        back(ctx, "/plans/" + plan.id());
    }

    private void schedule(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan plan = plan(ctx, who);
        String text = field(ctx, "start", "the new start");
        Instant start = Requests.time(text).orElseThrow(() -> Problem.badRequest("'" + text
                + "' is not a time; write it in UTC as 2014-06-16 12:00"));
        done(plans.reschedule(plan.id(), start));
        access.audit(who.username(), "plan-moved", "plan/" + plan.id(), Optional.of(Times.show(plan.start()) + " → "
                + Times.show(start)));
        back(ctx, "/plans/" + plan.id());
    }

    private void deployment(Context ctx) {
        Principal who = auth.formUser(ctx);
        String service = ctx.pathParam("name");
        Permissions.requireService(app, service, who);
        String version = field(ctx, "version", "the version");
        String environment = field(ctx, "environment", "the environment");
        Deployment d = done(app.catalog().recordDeployment(new NewDeployment(service, version, environment,
                Instant.now(), who.username(), optional(ctx, "notes")), Optional.empty()));
        access.audit(who.username(), "deployment-recorded", "service/" + service, Optional.of(d.version() + " → "
                + d.environment()));
        back(ctx, "/services/" + service);
    }

    private void newPlanForm(Context ctx, FormInput in) {
        Optional<Session> session = WebAuth.session(ctx);
        Html h = new Html();
        if (session.isEmpty()) {
            h.tag("<p>").link("/login?next=/plans/new", "Log in").text(" to plan a deployment.").tag("</p>");
            WebAuth.html(ctx, "Plan a deployment", h);
            return;
        }
        String form = "new-plan";
        h.el("p", "A plan ships one or more releases together. Breakwater compares each release's API with what the"
                + " environment runs (from the deployment records), finds who it breaks, and lists the gates the"
                + " policy asks for. Times are UTC.");
        h.tag("<form method=\"post\" action=\"/plans\" id=\"new-plan\">").csrf(session.get().csrf());
        in.above(h, form, List.of("releases", "title", "start", "duration", "ticket"));
        h.tag("<p><label>Releases, one per line as SERVICE=VERSION<br><textarea name=\"releases\" rows=\"3\""
                + " cols=\"40\" required placeholder=\"pkgdb=2.0.0\">").text(in.value(form, "releases", ""))
                .tag("</textarea></label>");
        in.beside(h, form, "releases").tag("</p><p><label>Title<br><input name=\"title\" size=\"50\""
                + " placeholder=\"default: the releases\" value=\"").text(in.value(form, "title", "")).tag("\"></label>");
        in.beside(h, form, "title").tag("</p><p><label>Environment<br><select name=\"environment\">");
        String environment = in.value(form, "environment", "production");
        for (Environment e : app.catalog().environments()) {
            h.tag("<option" + (e.name().equals(environment) ? " selected" : "") + ">").text(e.name()).tag("</option>");
        }
        h.tag("</select></label><label>Start (UTC)<br><input name=\"start\" required placeholder=\"2014-06-16 15:00\""
                + " value=\"").text(in.value(form, "start", "")).tag("\"></label>");
        in.beside(h, form, "start").tag("<label>Duration<br><input name=\"duration\" size=\"6\" value=\"")
                .text(in.value(form, "duration", "2h")).tag("\"></label>");
        in.beside(h, form, "duration").tag("</p><p><label>Ticket<br><input name=\"ticket\" size=\"50\""
                + " placeholder=\"https://…\" value=\"").text(in.value(form, "ticket", "")).tag("\"></label>");
        in.beside(h, form, "ticket").tag("</p><p><button type=\"submit\">Create the plan (as a draft)</button></p></form>");
        WebAuth.html(ctx, "Plan a deployment", h);
    }

    private void createPlan(Context ctx) {
        Principal who = auth.formUser(ctx);
        Map<String, String> releases = new LinkedHashMap<>();
        for (String line : field(ctx, "releases", "at least one release").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s*=\\s*", 2);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw Problem.badRequest("'" + line.strip() + "' is not SERVICE=VERSION");
            }
            if (releases.put(parts[0], parts[1]) != null) {
                throw Problem.badRequest(parts[0] + " is named twice");
            }
        }
        for (String service : releases.keySet()) {
            Permissions.requireService(app, service, who);
        }
        String startText = field(ctx, "start", "the start");
        Instant start = Requests.time(startText).orElseThrow(() -> Problem.badRequest("'" + startText
                + "' is not a time; write it in UTC as 2014-06-16 12:00"));
        PlanInput.past(start, Instant.now()).ifPresent(past -> {
            throw Problem.badRequest("Start: " + past + "; pick a start ahead");
        });
        String spanText = optional(ctx, "duration").orElse("2h");
        Duration span = Requests.span(spanText, "the duration").orElseThrow(() -> Problem.badRequest("'" + spanText
                + "' is not a span; write it as 90m, 4h or 1d"));
        String title = optional(ctx, "title").orElse(String.join(" + ", releases.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        Plan plan = done(plans.create(new NewPlan(title, releases, Map.of(), field(ctx, "environment", "the environment"),
                start, span, who.username(), optional(ctx, "ticket"), PlanStatus.DRAFT)));
        access.audit(who.username(), "plan-created", "plan/" + plan.id(), Optional.of(plan.releaseLabel() + " → "
                + plan.environment() + ", " + Times.show(plan.start())));
        back(ctx, "/plans/" + plan.id());
    }

    /**
     * The plan page's controls beside its summary: its status and start, for a user who may change
     * the plan (the gates' own controls are in {@link PlanGates}); a log-in link for a visitor.
     */
    static void render(Html h, PlanReport r, Optional<Session> session, boolean mayChange, FormInput in) {
        Plan p = r.plan();
        if (session.isEmpty()) {
            h.tag("<p class=\"notice\">").link("/login?next=/plans/" + p.id(), "Log in")
                    .text(" to record evidence, waive a gate or change this plan.").tag("</p>");
            return;
        }
        if (!mayChange) {
            h.tag("<p class=\"notice\">").text("You may read this plan; changing it needs an owner of one of its"
                    + " services or an admin.").tag("</p>");
            return;
        }
        String csrf = session.get().csrf();
        h.tag("<div id=\"change\" class=\"controls\">");
        if (!p.status().next().isEmpty()) {
            h.tag("<form class=\"inline\" method=\"post\" action=\"/plans/" + p.id() + "/status\" id=\"status\">")
                    .csrf(csrf).text("Status: " + p.status().id() + " → ");
            for (PlanStatus next : p.status().next().stream().sorted().toList()) {
                h.tag("<button type=\"submit\" name=\"status\" value=\"").text(next.id()).tag("\">Make it ")
                        .text(next.id()).tag("</button> ");
            }
            in.above(h, "status", List.of()).tag("</form> · <form class=\"inline\" method=\"post\" action=\"/plans/"
                    + p.id() + "/schedule\" id=\"schedule\">").csrf(csrf)
                    .tag("<label>Move the start to (UTC) <input name=\"start\" size=\"16\" required value=\"")
                    .text(in.value("schedule", "start", Times.show(p.start()).replace(" UTC", "")))
                    .tag("\"></label>");
            in.beside(h, "schedule", "start").tag(" <button type=\"submit\">Move</button>");
            in.above(h, "schedule", List.of("start")).tag("<br><small>").text("breakwater plan propose " + p.id()
                    + " finds the earliest start the policy and the calendar allow").tag("</small></form>");
        }
        h.tag("</div>");
    }

    /**
     * The form recording evidence for one of {@code open}'s gates, filled with {@code kept} (the
     * input sent before) and {@code wrong}'s message beside the field it is about.
     */
    private static void evidenceForm(Html h, Plan p, List<Gate> open, String csrf, Map<String, String> kept,
                                     Optional<EvidenceProblem> wrong) {
        h.tag("<fieldset><legend>Record evidence for a gate</legend><form method=\"post\" action=\"/plans/" + p.id()
                + "/evidence\" id=\"evidence-form\">").csrf(csrf).tag("<label>Gate <select name=\"gate\">");
        for (Gate g : open) {
            h.tag("<option value=\"").text(g.id()).tag(g.id().equals(kept.get("gate")) ? "\" selected>" : "\">")
                    .text(g.title() + " (" + g.id() + ")").tag("</option>");
        }
        h.tag("</select></label><label>Evidence <input name=\"evidence\" size=\"50\" required"
                + " placeholder=\"a link: the mail, the minutes, the test run\" value=\"").text(kept.getOrDefault("evidence", ""))
                .tag("\"></label><label>For <input name=\"note\" size=\"24\" placeholder=\"consumer or role, if the gate asks\""
                        + " value=\"").text(kept.getOrDefault("note", "")).tag("\"" + (wrong.isPresent()
                        ? " aria-invalid=\"true\" aria-describedby=\"note-error\"" : "") + ">");
        wrong.ifPresent(w -> h.tag(" <span id=\"note-error\" class=\"failed\">").text(w.message()).tag("</span>"));
        h.tag("</label><label>When (UTC) <input name=\"at\" size=\"16\" placeholder=\"now\" value=\"")
                .text(kept.getOrDefault("at", "")).tag("\"></label>"
                        + "<label>Meeting decision <select name=\"decision\"><option value=\"\">—</option>"
                        + "<option value=\"applies\">the policy applies</option><option value=\"exempt\">exempt</option>"
                        + "</select></label> <button type=\"submit\">Record</button></form></fieldset>");
    }

    /** The evidence form again, with what was typed and why it counts for nothing beside the field (422). */
    private void refused(Context ctx, Plan plan, EvidenceProblem wrong) {
        PlanReport r = Requests.done(plans.report(plan.id()), 404);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : List.of("gate", "evidence", "note", "at")) {
            optional(ctx, name).ifPresent(v -> kept.put(name, v));
        }
        Html h = new Html();
        h.tag("<p>").text("Nothing was recorded: the gate could not use this evidence. ")
                .link("/plans/" + plan.id() + "#gates", "Back to plan " + plan.id()).tag("</p>");
        evidenceForm(h, plan, r.gates().stream().filter(g -> !g.state().passes()).toList(),
                WebAuth.session(ctx).orElseThrow().csrf(), kept, Optional.of(wrong));
        ctx.status(422);
        WebAuth.html(ctx, "Record evidence: plan " + plan.id(), h);
    }

    /** A service page's form to record a deployment made by hand (CI uses POST /api/v1/deployments). */
    static void renderDeployment(Html h, Service s, List<Environment> environments, Optional<Session> session,
                                 boolean mayChange, FormInput in) {
        if (session.isEmpty() || !mayChange) {
            return;
        }
        String form = "deployment";
        h.tag("<fieldset id=\"record-deployment\"><legend>Record a deployment made by hand</legend><form method=\"post\""
                + " action=\"/services/").text(s.name()).tag("/deployments\" id=\"deployment\">").csrf(session.get().csrf());
        in.above(h, form, List.of("version", "notes"));
        h.tag("<label>Version <input name=\"version\" required size=\"12\" value=\"").text(in.value(form, "version", ""))
                .tag("\"></label>");
        in.beside(h, form, "version").tag("<label>Environment <select name=\"environment\">");
        String chosen = in.value(form, "environment", "");
        for (Environment e : environments) {
            h.tag("<option" + (e.name().equals(chosen) ? " selected" : "") + ">").text(e.name()).tag("</option>");
        }
        h.tag("</select></label><label>Notes <input name=\"notes\" size=\"40\" value=\"").text(in.value(form, "notes", ""))
                .tag("\"></label>");
        in.beside(h, form, "notes").tag(" <button type=\"submit\">Record</button></form></fieldset>");
    }
}

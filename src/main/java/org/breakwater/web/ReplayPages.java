package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.App;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Session;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;
import org.breakwater.staging.replay.DifferenceGroup;
import org.breakwater.staging.replay.ReplayJson;
import org.breakwater.staging.replay.ReplayLimits;
import org.breakwater.staging.replay.ReplayRun;

/**
 * A plan's replay of production's sampled calls (docs/staging.md, Replay): the report page with
 * a "Replay now" button and an acknowledge form per difference, and the REST API under
 * {@code /api/v1/plans/{id}/replay} (read; run and acknowledge with an API token).
 */
final class ReplayPages {
    private final App app;
    private final PlanService plans;
    private final AccessService access;
    private final WebAuth auth;

    ReplayPages(App app, PlanService plans, AccessService access, WebAuth auth) {
        this.app = app;
        this.plans = plans;
        this.access = access;
        this.auth = auth;
    }

    /** Registers the page, the forms and the API routes; returns the API routes. */
    List<String> register(Javalin server) {
        server.get("/plans/{id}/replay", ctx -> page(ctx, FormInput.NONE));
        server.post("/plans/{id}/replay", FormInput.keeping(this::runForm, ctx -> "replay", this::page));
        server.post("/plans/{id}/replay/acknowledge", FormInput.keeping(this::acknowledgeForm,
                ctx -> "ack-" + ctx.formParam("key"), this::page));
        server.get("/api/v1/plans/{id}/replay", this::latest);
        server.post("/api/v1/plans/{id}/replay", this::runApi);
        server.post("/api/v1/plans/{id}/replay/acknowledgements", this::acknowledgeApi);
        return List.of("GET /api/v1/plans/{id}/replay", "POST /api/v1/plans/{id}/replay",
                "POST /api/v1/plans/{id}/replay/acknowledgements");
    }

    /** The plan page's line: the last replay's counts, a link to its report and the button. */
    static void onPlanPage(Html h, App app, Plan p, Optional<Session> session, boolean mayChange) {
        Optional<ReplayRun> last = app.replays().latestRun(p.id());
        h.tag("<h2>Replay of production's calls</h2><p>").text(last.map(r -> "Last replay " + Times.show(r.finished())
                + ": " + r.calls() + " calls, " + r.real().size() + " difference(s). ").orElse("No replay yet. "))
                .link("/plans/" + p.id() + "/replay", "The replay report").tag("</p>");
        if (session.isPresent() && mayChange) {
            h.tag("<form method=\"post\" action=\"/plans/" + p.id() + "/replay\" id=\"replay\">")
                    .csrf(session.get().csrf()).tag("<button type=\"submit\">Replay now</button></form>");
        }
    }

    private Plan plan(Context ctx) {
        return plans.plan(Requests.id(ctx.pathParam("id"))).orElseThrow(() -> Problem.notFound("no plan "
                + ctx.pathParam("id")));
    }

    void page(Context ctx, FormInput in) {
        Plan p = plan(ctx);
        Optional<Session> session = WebAuth.session(ctx);
        boolean may = session.map(s -> Permissions.mayChangePlan(app, p, s.principal())).orElse(false);
        Html h = new Html();
        in.notice(h);
        h.tag("<p>").link("/plans/" + p.id(), "Plan " + p.id() + ": " + p.title()).tag("</p>");
        onPlanPage(h, app, p, session, may);
        Optional<ReplayRun> last = app.replays().latestRun(p.id());
        if (last.isPresent()) {
            report(h, last.get(), app.replays().acknowledgements(p.id()), session, may, p);
        }
        WebAuth.html(ctx, "Replay: plan " + p.id(), h);
    }

    private static void report(Html h, ReplayRun r, List<ReplayRun.Acknowledgement> acks, Optional<Session> session,
                               boolean may, Plan p) {
        h.el("p", r.calls() + " sampled production calls sent to " + r.candidate() + " (" + String.join(", ", r.versions())
                + ") and " + String.join(", ", r.baselines()) + "; " + r.differing() + " answered differently, "
                + r.unanswered() + " unanswered" + (r.capped() ? "; stopped at the total cap" : "") + ".");
        if (!r.skipped().isEmpty()) {
            h.el("p", "Not sent (not GET or HEAD, no allow rule): " + String.join(", ", r.skipped()));
        }
        h.tag("<h2>Differences by operation</h2>");
        if (r.real().isEmpty()) {
            h.el("p", "No difference" + (r.groups().isEmpty() ? "." : " but noise."));
            return;
        }
        h.tag("<table><tr><th>Operation</th><th>Difference</th><th>Calls</th><th>Consumers whose calls differ</th>"
                + "<th>Explained</th></tr>");
        for (DifferenceGroup g : r.real()) {
            h.tag("<tr><td>").text(g.service() + " " + g.operation()).tag("</td><td>").text(g.describe())
                    .tag("<br><small>").text("key " + g.key() + ", e.g. " + g.example()).tag("</small></td><td>")
                    .text(Long.toString(g.calls())).tag("</td><td>").text(String.join("; ", g.byCaller())).tag("</td><td>");
            Optional<ReplayRun.Acknowledgement> ack = acks.stream().filter(a -> a.key().equals(g.key())).findFirst();
            if (ack.isPresent()) {
                h.text("acknowledged by " + ack.get().by() + ": " + ack.get().note());
            } else if (session.isPresent() && may) {
                h.tag("<form method=\"post\" action=\"/plans/" + p.id() + "/replay/acknowledge\">")
                        .csrf(session.get().csrf()).tag("<input type=\"hidden\" name=\"key\" value=\"").text(g.key())
                        .tag("\"><input name=\"note\" required placeholder=\"why this is fine\">"
                                + " <button type=\"submit\">Acknowledge</button></form>");
            } else {
                h.text("not yet");
            }
            h.tag("</td></tr>");
        }
        h.tag("</table>");
        long noise = r.groups().size() - r.real().size();
        if (noise > 0) {
            h.el("p", noise + " difference(s) ignored as noise (the baselines disagree there).");
        }
    }

    private void runForm(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan p = plan(ctx);
        Permissions.requirePlan(app, p, who);
        ReplayRun r = Requests.done(app.replays().replay(p, Optional.empty(), ReplayLimits.defaults(), Set.of()), 400);
        access.audit(who.username(), "replay", "plan/" + p.id(), Optional.of(r.calls() + " calls"));
        ctx.redirect("/plans/" + p.id() + "/replay", HttpStatus.SEE_OTHER);
    }

    private void acknowledgeForm(Context ctx) {
        Principal who = auth.formUser(ctx);
        Plan p = plan(ctx);
        Permissions.requirePlan(app, p, who);
        acknowledge(p, who, ctx.formParam("key"), ctx.formParam("note"));
        ctx.redirect("/plans/" + p.id() + "/replay", HttpStatus.SEE_OTHER);
    }

    private ReplayRun.Acknowledgement acknowledge(Plan p, Principal who, String key, String note) {
        ReplayRun.Acknowledgement a = Requests.done(app.replays().acknowledge(p.id(), key == null ? "" : key.strip(),
                who.username(), note == null ? "" : note.strip()), 400);
        access.audit(who.username(), "replay-acknowledged", "plan/" + p.id(), Optional.of(a.key() + ": " + a.note()));
        return a;
    }

    private void latest(Context ctx) {
        Plan p = plan(ctx);
        ReplayRun r = app.replays().latestRun(p.id()).orElseThrow(() -> Problem.notFound("plan " + p.id()
                + " has no replay yet"));
        Requests.json(ctx, Json.write(g -> ReplayJson.run(g, r, app.replays().acknowledgements(p.id()))));
    }

    private void runApi(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        Plan p = plan(ctx);
        Permissions.requirePlan(app, p, who);
        ReplayRun r = Requests.done(app.replays().replay(p, Optional.empty(), ReplayLimits.defaults(), Set.of()), 400);
        access.audit(who.username(), "replay", "plan/" + p.id(), Optional.of(r.calls() + " calls"));
        ctx.status(201);
        Requests.json(ctx, Json.write(g -> ReplayJson.run(g, r, app.replays().acknowledgements(p.id()))));
    }

    private void acknowledgeApi(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        Plan p = plan(ctx);
        Permissions.requirePlan(app, p, who);
        org.breakwater.apidiff.spec.ObjectNode body = Requests.body(ctx);
        ReplayRun.Acknowledgement a = acknowledge(p, who, Requests.required(body, "key"), Requests.required(body, "note"));
        ctx.status(201);
        Requests.json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("key", a.key());
            g.writeStringField("by", a.by());
            g.writeStringField("at", a.at().toString());
            g.writeStringField("note", a.note());
            g.writeEndObject();
        }));
    }
}

package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.deployday.DayServices;
import org.breakwater.deployday.board.ChecklistStep;
import org.breakwater.deployday.board.RolledBack;
import org.breakwater.deployday.board.Tick;
import org.breakwater.deployday.cli.DayJson;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanService;

/**
 * The deployment day in the REST API (docs/deployment-day.md): roster, board, checklist, rollback,
 * measures and the post-mortem draft. Reads answer in the CLI's --json shapes; writes need an API
 * token whose role may change the plan (a confirmation: the caller's own), and are audited.
 */
final class DayRoutes {
    private final App app;
    private final PlanService plans;
    private final DayServices day;
    private final AccessService access;
    private final java.util.Optional<String> publicUrl;

    DayRoutes(App app, PlanService plans, DayServices day, AccessService access, Optional<String> publicUrl) {
        this.app = app;
        this.plans = plans;
        this.day = day;
        this.access = access;
        this.publicUrl = publicUrl;
    }

    List<String> register(Javalin server) {
        server.get("/api/v1/plans/{id}/roster", ctx -> Requests.json(ctx, Json.write(g -> DayJson.roster(g,
                Requests.done(day.roster().view(Requests.id(ctx.pathParam("id"))), 404)))));
        server.post("/api/v1/plans/{id}/roster/propose", this::propose);
        server.post("/api/v1/plans/{id}/roster/invite", this::invite);
        server.post("/api/v1/plans/{id}/roster/confirm", this::confirm);
        server.get("/api/v1/plans/{id}/board", ctx -> Requests.json(ctx, Json.write(g -> DayJson.board(g,
                Requests.done(day.board().board(Requests.id(ctx.pathParam("id"))), 404)))));
        server.post("/api/v1/plans/{id}/checklist/{step}", this::tick);
        server.post("/api/v1/plans/{id}/rollback", this::rollback);
        server.get("/api/v1/plans/{id}/measures", ctx -> Requests.json(ctx, Json.write(g -> DayJson.day(g,
                Requests.done(day.measures().day(Requests.id(ctx.pathParam("id"))), 404)))));
        server.get("/api/v1/plans/{id}/postmortem", ctx -> ctx.contentType("text/markdown; charset=utf-8")
                .result(Requests.done(day.postmortem().draft(Requests.id(ctx.pathParam("id"))), 404)));
        server.get("/api/v1/measures", ctx -> Requests.json(ctx, Json.write(g -> DayJson.measures(g,
                Requests.done(day.measures().keys(Requests.intParam(ctx, "days", 180, 1,
                        org.breakwater.deployday.measures.MeasuresService.MAX_DAYS)), 400)))));
        return List.of("GET /api/v1/plans/{id}/roster", "POST /api/v1/plans/{id}/roster/propose",
                "POST /api/v1/plans/{id}/roster/invite", "POST /api/v1/plans/{id}/roster/confirm",
                "GET /api/v1/plans/{id}/board", "POST /api/v1/plans/{id}/checklist/{step}",
                "POST /api/v1/plans/{id}/rollback", "GET /api/v1/plans/{id}/measures",
                "GET /api/v1/plans/{id}/postmortem", "GET /api/v1/measures");
    }

    /** The caller, once they may change the plan in the path. */
    private Plan planFor(Context ctx, Principal who) {
        Plan plan = plans.plan(Requests.id(ctx.pathParam("id")))
                .orElseThrow(() -> Problem.notFound("no plan " + ctx.pathParam("id")));
        Permissions.requirePlan(app, plan, who);
        return plan;
    }

    private void propose(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        Plan plan = planFor(ctx, who);
        var view = Requests.done(day.roster().propose(plan.id()), 400);
        access.audit(who.username(), "roster-proposed", "plan/" + plan.id(), Optional.of(view.lines().size() + " people"));
        Requests.json(ctx, Json.write(g -> DayJson.roster(g, view)));
    }

    private void invite(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        Plan plan = planFor(ctx, who);
        String base = publicUrl.orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        List<RosterMember> invited = Requests.done(day.roster().invite(plan.id(), base), 400);
        access.audit(who.username(), "roster-invited", "plan/" + plan.id(), Optional.of(String.join(", ",
                invited.stream().map(RosterMember::username).toList())));
        Requests.json(ctx, Json.write(g -> {
            g.writeStartArray();
            for (RosterMember m : invited) {
                DayJson.member(g, m);
            }
            g.writeEndArray();
        }));
    }

    /** The caller confirms their own place on the roster. */
    private void confirm(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        long id = Requests.id(ctx.pathParam("id"));
        List<RosterMember> confirmed = Requests.done(day.roster().confirm(id, who.username(), "login"), 400);
        access.audit(who.username(), "roster-confirmed", "plan/" + id, Optional.empty());
        Requests.json(ctx, Json.write(g -> {
            g.writeStartArray();
            for (RosterMember m : confirmed) {
                DayJson.member(g, m);
            }
            g.writeEndArray();
        }));
    }

    private void tick(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        Plan plan = planFor(ctx, who);
        String text = ctx.pathParam("step");
        ChecklistStep step = ChecklistStep.parse(text).orElseThrow(() -> Problem.badRequest("no step '" + text
                + "'; one of pre-checks, started-notice, deploy, smoke-checks, done-notice"));
        ObjectNode body = ctx.body().isBlank() ? null : Requests.body(ctx);
        Optional<String> note = body == null ? Optional.empty() : body.text("note");
        Tick t = Requests.done(day.board().tick(plan.id(), step, who.username(), note), 400);
        access.audit(who.username(), "checklist-ticked", "plan/" + plan.id(), Optional.of(step.id()));
        Requests.json(ctx, Json.write(g -> DayJson.tick(g, t)));
    }

    private void rollback(Context ctx) {
        Principal who = WriteRoutes.principal(ctx, access);
        Plan plan = planFor(ctx, who);
        RolledBack r = Requests.done(NothingWritten.rollback(plans, plan, () -> day.board().rollback(plan.id(),
                who.username())), 400);
        access.audit(who.username(), "plan-rolled-back", "plan/" + plan.id(), Optional.of(String.join(", ",
                r.deployments().stream().map(d -> d.service() + " " + d.version()).toList())));
        Requests.json(ctx, Json.write(g -> DayJson.rolledBack(g, r)));
    }
}

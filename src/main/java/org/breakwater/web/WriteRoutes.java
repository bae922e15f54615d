package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.cli.Views;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.Evidence;
import org.breakwater.plan.Plan;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.PlanInput;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.cli.PlanJson;
import org.breakwater.plan.Waiver;

/**
 * The write side of the REST API: each route needs an API token whose role may change the
 * service concerned, and leaves an entry in the audit log.
 */
final class WriteRoutes {
    private final App app;
    private final PlanService plans;
    private final AccessService access;

    WriteRoutes(App app, PlanService plans, AccessService access) {
        this.app = app;
        this.plans = plans;
        this.access = access;
    }

    /** Registers the routes; returns their paths. */
    List<String> register(Javalin server) {
        server.post("/api/v1/deployments", this::recordDeployment);
        server.post("/api/v1/plans/{id}/gates/{gate}/evidence", this::recordEvidence);
        server.post("/api/v1/plans/{id}/gates/{gate}/waiver", this::waive);
        server.post("/api/v1/plans", this::createPlan);
        server.post("/api/v1/plans/{id}/status", this::status);
        server.post("/api/v1/plans/{id}/schedule", this::schedule);
        return List.of("POST /api/v1/deployments", "POST /api/v1/plans/{id}/gates/{gate}/evidence",
                "POST /api/v1/plans/{id}/gates/{gate}/waiver", "POST /api/v1/plans", "POST /api/v1/plans/{id}/status",
                "POST /api/v1/plans/{id}/schedule");
    }

    private static void json(Context ctx, String body) {
        Requests.json(ctx, body);
    }

    private static ObjectNode body(Context ctx) {
        return Requests.body(ctx);
    }

    private static String required(ObjectNode body, String field) {
        return Requests.required(body, field);
    }

    private static <T> T done(org.breakwater.catalog.Outcome<T> o, int status) {
        return Requests.done(o, status);
    }

    private static long id(String text) {
        return Requests.id(text);
    }

    /** The authenticated caller, or 401. */
    private Principal principal(Context ctx) {
        return principal(ctx, access);
    }

    /** The caller named by the request's API token ({@code Authorization: Bearer}), or 401. */
    static Principal principal(Context ctx, AccessService access) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Problem(401, "Unauthorized", "send an API token: Authorization: Bearer TOKEN"
                    + " (breakwater token create --help)");
        }
        Principal who = access.authenticate(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new Problem(401, "Unauthorized", "the API token is unknown or revoked");
        });
        RequestLog.user(ctx, who.username());
        return who;
    }

    /** The plan a gate write is about, once the caller may change it: an owner of one of its services, or an admin. */
    private Plan planFor(Context ctx, Principal who) {
        Plan plan = plans.plan(id(ctx.pathParam("id")))
                .orElseThrow(() -> Problem.notFound("no plan " + ctx.pathParam("id")));
        Permissions.requirePlan(app, plan, who);
        return plan;
    }

    /** {@code POST /api/v1/plans/{id}/gates/{gate}/evidence}. */
    private void recordEvidence(Context ctx) {
        Principal who = principal(ctx);
        Plan plan = planFor(ctx, who);
        ObjectNode body = body(ctx);
        String gate = ctx.pathParam("gate");
        Optional<Instant> at = body.text("at").map(t -> Requests.time(t).orElseThrow(() ->
                Problem.badRequest("at must be a time such as 2014-06-02T09:00:00Z")));
        Optional<String> note = body.text("consumer").or(() -> body.text("note"));
        plans.evidenceProblem(plan.id(), gate, note).ifPresent(wrong -> {
            throw new Problem(422, "Unprocessable content", wrong.field() + ": " + wrong.message());
        });
        Evidence e = done(plans.record(plan.id(), gate, required(body, "evidence"), who.username(), at, note,
                body.text("decision")), 400);
        access.audit(who.username(), "gate-evidence", "plan/" + plan.id(), Optional.of(gate + ": " + e.evidence()));
        ctx.status(201);
        json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("gate", e.gate());
            g.writeStringField("evidence", e.evidence());
            g.writeStringField("by", e.by());
            g.writeStringField("at", e.at().toString());
            JsonOutput.optional(g, "note", e.note());
            JsonOutput.optional(g, "decision", e.decision());
            g.writeEndObject();
        }));
    }

    /** {@code POST /api/v1/plans/{id}/gates/{gate}/waiver}: the caller is the approver. */
    private void waive(Context ctx) {
        Principal who = principal(ctx);
        Plan plan = planFor(ctx, who);
        String gate = ctx.pathParam("gate");
        Waiver w = done(plans.waive(plan.id(), gate, required(body(ctx), "reason"), who.username()), 400);
        access.audit(who.username(), "gate-waived", "plan/" + plan.id(), Optional.of(gate + ": " + w.reason()));
        ctx.status(201);
        json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("gate", w.gate());
            g.writeStringField("reason", w.reason());
            g.writeStringField("approver", w.approver());
            g.writeStringField("at", w.at().toString());
            g.writeEndObject();
        }));
    }

    /** {@code POST /api/v1/deployments}: what CI sends after a deploy. */
    private void recordDeployment(Context ctx) {
        Principal who = principal(ctx);
        ObjectNode body = body(ctx);
        String service = required(body, "service");
        String version = required(body, "version");
        String environment = required(body, "environment");
        Instant at = body.text("at").map(t -> Requests.time(t).orElseThrow(() ->
                Problem.badRequest("at must be a time such as 2014-06-02T09:00:00Z"))).orElse(Instant.now());
        Service s = app.catalog().service(service).orElseThrow(() -> Problem.notFound("no service '" + service + "'"));
        if (!who.mayChange(s.owner())) {
            throw new Problem(403, "Forbidden", who.username() + " (" + who.role().id() + ") may not record deployments of "
                    + service + ", which " + s.owner() + " owns");
        }
        Optional<ApiDescription> api = Optional.empty();
        if (body.get("apiDescription").isPresent()) {
            ObjectNode d = body.object("apiDescription").orElseThrow(() ->
                    Problem.badRequest("apiDescription must be an object {file, content}"));
            api = Optional.of(description(d));
        }
        Deployment d = done(app.catalog().recordDeployment(new NewDeployment(service, version, environment, at,
                body.text("by").orElse(who.username()), body.text("notes")), api), 400);
        access.audit(who.username(), "deployment-recorded", "service/" + service, Optional.of(version + " → "
                + environment));
        app.deployed(d);
        ctx.status(201).header("Location", "/api/v1/services/" + service);
        json(ctx, Json.write(g -> Views.deployment(g, d)));
    }


    private static Instant time(ObjectNode body, String field) {
        String text = required(body, field);
        return Requests.time(text).orElseThrow(() -> Problem.badRequest(field + " must be a time in UTC such as"
                + " 2014-06-16T15:00:00Z, not '" + text + "'"));
    }

    private void planAnswer(Context ctx, Plan plan) {
        json(ctx, Json.write(g -> PlanJson.plan(g, plan)));
    }

    /** {@code POST /api/v1/plans}: a new plan, owned by the caller, who must own every service it ships. */
    private void createPlan(Context ctx) {
        Principal who = principal(ctx);
        ObjectNode body = body(ctx);
        ObjectNode releasesNode = body.object("releases").orElseThrow(() ->
                Problem.badRequest("releases must be an object {SERVICE: VERSION, ...}"));
        Map<String, String> releases = new LinkedHashMap<>();
        for (String service : releasesNode.fields().keySet()) {
            releases.put(service, releasesNode.text(service).filter(v -> !v.isBlank()).orElseThrow(() ->
                    Problem.badRequest("releases." + service + " must be a version")));
            Permissions.requireService(app, service, who);
        }
        Map<String, ApiDescription> descriptions = new LinkedHashMap<>();
        if (body.get("apiDescriptions").isPresent()) {
            ObjectNode d = body.object("apiDescriptions").orElseThrow(() ->
                    Problem.badRequest("apiDescriptions must be an object {SERVICE: {file, content}, ...}"));
            for (String service : d.fields().keySet()) {
                descriptions.put(service, description(d.object(service).orElseThrow(() ->
                        Problem.badRequest("apiDescriptions." + service + " must be an object {file, content}"))));
            }
        }
        String span = body.text("duration").orElse("2h");
        Duration duration = Requests.span(span, "duration").orElseThrow(() -> Problem.badRequest("duration must be a span such as"
                + " 90m, 4h or 1d, not '" + span + "'"));
        String title = body.text("title").filter(t -> !t.isBlank()).orElse(String.join(" + ", releases.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        NewPlan wanted = new NewPlan(title, releases, descriptions, body.text("environment").orElse("production"),
                time(body, "start"), duration, who.username(), body.text("ticket"),
                body.flag("scheduled") ? PlanStatus.SCHEDULED : PlanStatus.DRAFT);
        boolean force = body.flag("force");
        Optional<String> past = PlanInput.past(wanted.start(), Instant.now());
        if (past.isPresent() && wanted.status() == PlanStatus.SCHEDULED && !force) {
            throw new Problem(422, "Unprocessable Content", past.get() + "; to record a scheduled plan whose time has"
                    + " passed, send \"force\": true - or pick a start ahead");
        }
        Plan plan = done(plans.create(wanted, force), 400);
        access.audit(who.username(), "plan-created", "plan/" + plan.id(), Optional.of(plan.releaseLabel() + " → "
                + plan.environment() + ", " + Times.show(plan.start())));
        ctx.status(201).header("Location", "/api/v1/plans/" + plan.id());
        planAnswer(ctx, plan);
    }

    /** {@code POST /api/v1/plans/{id}/status}: draft → scheduled → in-progress → done | cancelled | rolled-back. */
    private void status(Context ctx) {
        Principal who = principal(ctx);
        Plan plan = planFor(ctx, who);
        String text = required(body(ctx), "status");
        PlanStatus status = PlanStatus.parse(text).orElseThrow(() -> Problem.badRequest("status is one of draft,"
                + " scheduled, in-progress, done, cancelled, rolled-back; not '" + text + "'"));
        Plan updated = done(plans.setStatus(plan.id(), status), 400);
        access.audit(who.username(), "plan-status", "plan/" + plan.id(), Optional.of(plan.status().id() + " → "
                + status.id()));
        planAnswer(ctx, updated);
    }

    /** {@code POST /api/v1/plans/{id}/schedule}: a new start. */
    private void schedule(Context ctx) {
        Principal who = principal(ctx);
        Plan plan = planFor(ctx, who);
        Instant start = time(body(ctx), "start");
        Plan updated = done(plans.reschedule(plan.id(), start), 400);
        access.audit(who.username(), "plan-moved", "plan/" + plan.id(), Optional.of(Times.show(plan.start()) + " → "
                + Times.show(start)));
        planAnswer(ctx, updated);
    }

    /** An API description sent inline, {@code {file, content}}, read to check it before it is stored. */
    private static ApiDescription description(ObjectNode d) {
        String file = Requests.fileName(required(d, "file"), "file");
        String content = required(d, "content");
        ApiDescription.fileNameProblem(file).ifPresent(p -> {
            throw Problem.badRequest(p);
        });
        try {
            new SpecReader(ReadLimits.defaults()).parse(content, file);
        } catch (SpecException e) {
            throw Problem.badRequest("the API description does not read: " + e.problem());
        }
        return ApiDescription.of(file, Map.of(file, content));
    }
}

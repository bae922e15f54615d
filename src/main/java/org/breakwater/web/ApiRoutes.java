package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.Principal;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.cli.Views;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Times;
import org.breakwater.plan.CanDeploy;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.cli.PlanJson;

/**
 * The read side of the REST API under {@code /api/v1}: the catalog, what runs where, consumers,
 * plans with their gates, and can-deploy. JSON in the shapes the CLI's --json prints; lists
 * are paginated ({@code limit}, {@code offset}); errors are problem details.
 */
final class ApiRoutes {
    private static final int MAX_LIMIT = 500;

    private final App app;
    private final PlanService plans;
    private final AccessService access;

    ApiRoutes(App app, PlanService plans, AccessService access) {
        this.app = app;
        this.plans = plans;
        this.access = access;
    }

    /** Registers the routes; returns their paths (the OpenAPI document must describe each). */
    List<String> register(Javalin server) {
        server.get("/api/v1/services", this::services);
        server.get("/api/v1/services/{name}", this::service);
        server.get("/api/v1/services/{name}/consumers", this::consumers);
        server.get("/api/v1/where", this::where);
        server.get("/api/v1/plans", this::plans);
        server.get("/api/v1/plans/{id}", this::plan);
        server.get("/api/v1/can-deploy", this::canDeploy);
        server.post("/api/v1/deployments", this::recordDeployment);
        return List.of("/api/v1/deployments", "/api/v1/services", "/api/v1/services/{name}", "/api/v1/services/{name}/consumers",
                "/api/v1/where", "/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/can-deploy");
    }

    private static void json(Context ctx, String body) {
        ctx.contentType("application/json").result(body);
    }

    private static int intParam(Context ctx, String name, int otherwise, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw Problem.badRequest(name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be a number, not '" + v + "'");
        }
    }

    private static <T> T done(Outcome<T> o, int status) {
        if (o instanceof Outcome.Done<T> d) {
            return d.value();
        }
        throw new Problem(status, status == 404 ? "Not found" : "Bad request", ((Outcome.Refused<T>) o).reason());
    }

    private void services(Context ctx) {
        int limit = intParam(ctx, "limit", 50, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Service> all = app.catalog().export().services();
        List<Service> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("total", all.size());
            g.writeNumberField("limit", limit);
            g.writeNumberField("offset", offset);
            g.writeArrayFieldStart("items");
            for (Service s : page) {
                service(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static void service(com.fasterxml.jackson.core.JsonGenerator g, Service s) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("title", s.title());
        g.writeStringField("owner", s.owner());
        g.writeStringField("tier", s.tier().id());
        g.writeBooleanField("freezeSensitive", s.freezeSensitive());
        g.writeArrayFieldStart("announce");
        for (String a : s.announce()) {
            g.writeString(a);
        }
        g.writeEndArray();
        JsonOutput.optional(g, "repository", s.repository());
        JsonOutput.optional(g, "docs", s.docs());
        g.writeEndObject();
    }

    private void service(Context ctx) {
        String name = ctx.pathParam("name");
        Service s = app.catalog().service(name).orElseThrow(() -> Problem.notFound("no service '" + name + "'"));
        List<Placement> places = done(app.catalog().where(Optional.of(name)), 404);
        Instant now = Instant.now();
        json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeFieldName("service");
            service(g, s);
            g.writeArrayFieldStart("runs");
            for (Placement p : places) {
                Views.placement(g, p, now);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private void consumers(Context ctx) {
        String name = ctx.pathParam("name");
        if (app.catalog().service(name).isEmpty()) {
            throw Problem.notFound("no service '" + name + "'");
        }
        boolean transitive = !"false".equals(ctx.queryParam("transitive"));
        List<AffectedConsumer> found = done(app.catalog().consumers(name,
                Optional.ofNullable(ctx.queryParam("operation")), transitive), 400);
        json(ctx, Json.write(g -> {
            g.writeStartArray();
            for (AffectedConsumer a : found) {
                Views.affected(g, a);
            }
            g.writeEndArray();
        }));
    }

    private void where(Context ctx) {
        String at = ctx.queryParam("at");
        Instant when = at == null ? Instant.now() : Times.instant(at)
                .orElseThrow(() -> Problem.badRequest("at must be a time such as 2014-06-02T09:00:00Z, not '" + at + "'"));
        List<Placement> places = done(app.catalog().where(Optional.ofNullable(ctx.queryParam("service")), when), 404);
        json(ctx, Json.write(g -> {
            g.writeStartArray();
            for (Placement p : places) {
                Views.placement(g, p, when);
            }
            g.writeEndArray();
        }));
    }

    private void plans(Context ctx) {
        String status = ctx.queryParam("status");
        Optional<PlanStatus> wanted = Optional.ofNullable(status).map(s -> PlanStatus.parse(s)
                .orElseThrow(() -> Problem.badRequest("unknown status '" + s + "'")));
        int limit = intParam(ctx, "limit", 50, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Plan> all = plans.list(wanted);
        List<Plan> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("total", all.size());
            g.writeNumberField("limit", limit);
            g.writeNumberField("offset", offset);
            g.writeArrayFieldStart("items");
            for (Plan p : page) {
                PlanJson.plan(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("a plan is named by its number, not '" + text + "'");
        }
    }

    private void plan(Context ctx) {
        PlanReport r = done(plans.report(id(ctx.pathParam("id"))), 404);
        json(ctx, Json.write(g -> PlanJson.report(g, r, true)));
    }

    /** The authenticated caller, or 401. */
    private Principal principal(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Problem(401, "Unauthorized", "send an API token: Authorization: Bearer TOKEN"
                    + " (breakwater token create --help)");
        }
        return access.authenticate(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new Problem(401, "Unauthorized", "the API token is unknown or revoked");
        });
    }

    /** {@code POST /api/v1/deployments}: what CI sends after a deploy. */
    private void recordDeployment(Context ctx) {
        Principal who = principal(ctx);
        ObjectNode body;
        try {
            Node parsed = new TreeReader(ReadLimits.defaults()).parse(ctx.body(), "request.json");
            if (!(parsed instanceof ObjectNode o)) {
                throw Problem.badRequest("the body must be a JSON object");
            }
            body = o;
        } catch (SpecException e) {
            throw Problem.badRequest("the body is not JSON: " + e.problem().message() + " (line " + e.problem().line()
                    + ", column " + e.problem().column() + ")");
        }
        String service = required(body, "service");
        String version = required(body, "version");
        String environment = required(body, "environment");
        Instant at = body.text("at").map(t -> Times.instant(t).orElseThrow(() ->
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
            String file = required(d, "file");
            String content = required(d, "content");
            try {
                new SpecReader(ReadLimits.defaults()).parse(content, file);
            } catch (SpecException e) {
                throw Problem.badRequest("apiDescription does not read: " + e.problem());
            }
            api = Optional.of(ApiDescription.of(file, java.util.Map.of(file, content)));
        }
        Deployment d = done(app.catalog().recordDeployment(new NewDeployment(service, version, environment, at,
                body.text("by").orElse(who.username()), body.text("notes")), api), 400);
        access.audit(who.username(), "deployment-recorded", "service/" + service, Optional.of(version + " → "
                + environment));
        ctx.status(201).header("Location", "/api/v1/services/" + service);
        json(ctx, Json.write(g -> Views.deployment(g, d)));
    }

    private static String required(ObjectNode body, String field) {
        return body.text(field).filter(v -> !v.isBlank())
                .orElseThrow(() -> Problem.badRequest("'" + field + "' is required"));
    }

    private void canDeploy(Context ctx) {
        String plan = ctx.queryParam("plan");
        Outcome<CanDeploy> o;
        if (plan != null) {
            o = plans.canDeploy(id(plan));
        } else {
            String service = ctx.queryParam("service");
            String version = ctx.queryParam("version");
            if (service == null || version == null) {
                throw Problem.badRequest("ask with plan=ID, or with service=S&version=V[&to=ENV]");
            }
            o = plans.canDeploy(service, version, Optional.ofNullable(ctx.queryParam("to")).orElse("production"));
        }
        CanDeploy answer = done(o, 404);
        json(ctx, Json.write(g -> PlanJson.canDeploy(g, answer)));
    }
}

package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.report.JsonRenderer;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.cli.Views;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.plan.AmbiguousRelease;
import org.breakwater.plan.CanDeploy;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.cli.PlanJson;

/**
 * The read side of the REST API under {@code /api/v1} (writes: {@link WriteRoutes}): the catalog, what runs where, consumers,
 * plans with their gates, and can-deploy. JSON in the shapes the CLI's --json prints; lists
 * are paginated ({@code limit}, {@code offset}); errors are problem details.
 */
final class ApiRoutes {
    private static final int MAX_LIMIT = 500;

    private final App app;
    private final PlanService plans;
    private final ApiDiff diff = ServerDiff.engine();

    ApiRoutes(App app, PlanService plans) {
        this.app = app;
        this.plans = plans;
    }

    /** Registers the routes; returns their paths (the OpenAPI document must describe each). */
    List<String> register(Javalin server) {
        server.get("/api/v1/services", this::services);
        server.get("/api/v1/services/{name}", this::service);
        server.get("/api/v1/services/{name}/consumers", this::consumers);
        server.get("/api/v1/services/{name}/traffic", this::traffic);
        server.get("/api/v1/services/{name}/crossings", this::crossings);
        server.get("/api/v1/plans/{id}/impact", this::impact);
        server.get("/api/v1/plans/{id}/migrations", this::migrations);
        server.get("/api/v1/where", this::where);
        server.get("/api/v1/plans", this::plans);
        server.get("/api/v1/plans/{id}", this::plan);
        server.get("/api/v1/can-deploy", this::canDeploy);
        server.post("/api/v1/diff", this::diff);
        return List.of("GET /api/v1/services", "GET /api/v1/services/{name}", "GET /api/v1/services/{name}/consumers",
                "GET /api/v1/services/{name}/traffic", "GET /api/v1/services/{name}/crossings",
                "GET /api/v1/plans/{id}/impact", "GET /api/v1/plans/{id}/migrations", "GET /api/v1/where", "GET /api/v1/plans", "GET /api/v1/plans/{id}", "GET /api/v1/can-deploy",
                "POST /api/v1/diff");
    }

    private static void json(Context ctx, String body) {
        Requests.json(ctx, body);
    }

    private static int intParam(Context ctx, String name, int otherwise, int min, int max) {
        return Requests.intParam(ctx, name, otherwise, min, max);
    }

    private static <T> T done(Outcome<T> o, int status) {
        return Requests.done(o, status);
    }

    private void services(Context ctx) {
        int limit = intParam(ctx, "limit", 50, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Service> all = app.catalog().services();
        List<Service> page = Requests.page(all, offset, limit);
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

    private String knownService(Context ctx) {
        String name = ctx.pathParam("name");
        if (app.catalog().service(name).isEmpty()) {
            throw Problem.notFound("no service '" + name + "'");
        }
        return name;
    }

    /** Calls per caller and operation read from the service's access logs, one environment or all. */
    private void traffic(Context ctx) {
        String name = knownService(ctx);
        Optional<String> env = Optional.ofNullable(ctx.queryParam("env"));
        if (env.isPresent() && app.catalog().environments().stream().noneMatch(e -> e.name().equals(env.get()))) {
            throw Problem.badRequest("unknown environment '" + env.get() + "'");
        }
        List<org.breakwater.traffic.Usage> usages = app.traffic().usages(name, env);
        json(ctx, Json.write(g -> org.breakwater.traffic.cli.TrafficJson.usages(g, usages)));
    }

    /** Calls into the service from another environment's hosts. */
    private void crossings(Context ctx) {
        String name = knownService(ctx);
        List<org.breakwater.traffic.Crossings.Crossing> found = app.traffic().crossings(name);
        json(ctx, Json.write(g -> org.breakwater.traffic.cli.TrafficJson.crossings(g, found)));
    }

    /** Every caller, known or not, still calling what the plan breaks in the last ?days (default 30). */
    private void impact(Context ctx) {
        PlanReport r = done(plans.report(id(ctx.pathParam("id"))), 404);
        int days = intParam(ctx, "days", 30, 1, 3660);
        List<org.breakwater.traffic.TrafficService.Hit> hits = app.traffic().impact(r, java.time.Duration.ofDays(days),
                Instant.now());
        json(ctx, Json.write(g -> org.breakwater.traffic.cli.TrafficJson.hits(g, hits)));
    }

    /** Each affected consumer's migration state, as the plan's consumer gates see it. */
    private void migrations(Context ctx) {
        PlanReport r = done(plans.report(id(ctx.pathParam("id"))), 404);
        json(ctx, Json.write(g -> org.breakwater.plan.cli.MigrationOutput.json(g, r.migrations())));
    }

    private void where(Context ctx) {
        String at = ctx.queryParam("at");
        Instant when = at == null ? Instant.now() : Requests.time(at)
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
        List<Plan> page = Requests.page(all, offset, limit);
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
        return Requests.id(text);
    }

    private void plan(Context ctx) {
        PlanReport r = done(plans.report(id(ctx.pathParam("id"))), 404);
        json(ctx, Json.write(g -> PlanJson.report(g, r, true)));
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
            org.breakwater.catalog.Versions.problem(version).ifPresent(p -> {
                throw Problem.badRequest("version " + p);
            });
            String to = Optional.ofNullable(ctx.queryParam("to")).orElse("production");
            Optional<AmbiguousRelease> ambiguous = plans.ambiguous(service, version, to);
            if (ambiguous.isPresent()) {
                ambiguous(ctx, ambiguous.get());
                return;
            }
            o = plans.canDeploy(service, version, to);
        }
        CanDeploy answer = done(o, 404);
        // the answer of a plan is the same object while nothing changed (decision 0029): its JSON too
        json(ctx, plan == null ? Json.write(g -> PlanJson.canDeploy(g, answer))
                : answers.of(id(plan), answer, () -> Json.write(g -> PlanJson.canDeploy(g, answer))));
    }

    /** The can-deploy JSON of each plan, for the answer object it was written from. */
    private final KeptPages answers = new KeptPages();

    /** 409, a problem naming every open plan that ships the release ({@code plans}: their ids). */
    private static void ambiguous(Context ctx, AmbiguousRelease a) {
        ctx.status(409).contentType("application/problem+json").result(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "about:blank");
            g.writeStringField("title", "Conflict");
            g.writeNumberField("status", 409);
            g.writeStringField("detail", a.message());
            g.writeStringField("instance", ctx.path());
            g.writeArrayFieldStart("plans");
            for (long id : a.planIds()) {
                g.writeNumber(id);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /**
     * {@code POST /api/v1/diff}: two API descriptions in, the report of {@code breakwater diff
     * --format json} out. It changes nothing, so it needs no token.
     */
    private void diff(Context ctx) {
        ObjectNode body = Requests.body(ctx);
        ApiSpec older = spec(body, "old");
        ApiSpec newer = spec(body, "new");
        StringBuilder out = new StringBuilder();
        try {
            new JsonRenderer().render(ServerDiff.compare(diff, older, newer), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json(ctx, out.toString());
    }

    /** One side of a diff request: {@code {"file": "pkgdb.yaml", "content": "..."}} (file is optional). */
    private ApiSpec spec(ObjectNode body, String side) {
        ObjectNode d = body.object(side).orElseThrow(() -> Problem.badRequest("'" + side
                + "' must be an object {\"file\": NAME, \"content\": TEXT}"));
        String content = Requests.required(d, "content");
        String file = d.text("file").map(f -> Requests.fileName(f, side + ".file"))
                .orElse(side + (content.stripLeading().startsWith("{") ? ".json" : ".yaml"));
        try {
            return diff.reader().parse(content, file);
        } catch (SpecException e) {
            throw Problem.badRequest("the " + side + " description does not read: " + e.problem());
        }
    }
}

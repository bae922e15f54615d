package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.staging.Coverage;
import org.breakwater.staging.Parity;
import org.breakwater.staging.ParityService;
import org.breakwater.staging.StagingPair;
import org.breakwater.staging.TestCallers;
import org.breakwater.staging.cli.StagingJson;

/** The REST API of staging parity and coverage (docs/staging.md), in the shapes of `breakwater staging ... --json`. */
final class StagingRoutes {
    private final App app;
    private final PlanService plans;

    StagingRoutes(App app, PlanService plans) {
        this.app = app;
        this.plans = plans;
    }

    List<String> register(Javalin server) {
        server.get("/api/v1/staging/parity", this::all);
        server.get("/api/v1/services/{name}/parity", this::one);
        server.get("/api/v1/services/{name}/coverage", this::coverage);
        server.get("/api/v1/plans/{id}/untested", this::untested);
        return List.of("GET /api/v1/staging/parity", "GET /api/v1/services/{name}/parity",
                "GET /api/v1/services/{name}/coverage", "GET /api/v1/plans/{id}/untested");
    }

    /** The environments compared: ?staging= and ?production=, else told from the catalog; a 400 when they cannot be. */
    static StagingPair pair(App app, Context ctx) {
        return Requests.done(app.parity().environments(Optional.ofNullable(ctx.queryParam("staging")),
                Optional.ofNullable(ctx.queryParam("production"))), 400);
    }

    static int days(Context ctx) {
        return Requests.intParam(ctx, "days", 30, 1, ParityService.MAX_DAYS);
    }

    /** ?identify= (default: known), checked. */
    static TestCallers callers(Context ctx) {
        return Requests.done(TestCallers.parse(Optional.ofNullable(ctx.queryParam("identify")).orElse("known")), 400);
    }

    /** No ?identify=, ?since=, ?until= nor ?days=: the suites' rules and runs answer. */
    static boolean bySuites(Context ctx) {
        return ctx.queryParam("identify") == null && ctx.queryParam("since") == null && ctx.queryParam("until") == null
                && ctx.queryParam("days") == null;
    }

    /** ?since= and ?until= (default: the 30 days up to now), checked. */
    static Coverage.Window window(Context ctx) {
        Instant until = time(ctx, "until").orElseGet(Instant::now);
        Instant since = time(ctx, "since").orElse(until.minus(Duration.ofDays(30)));
        if (!since.isBefore(until)) {
            throw Problem.badRequest("since (" + since + ") is not before until (" + until + ")");
        }
        return new Coverage.Window(since, until);
    }

    private static Optional<Instant> time(Context ctx, String field) {
        String text = ctx.queryParam(field);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Requests.time(text).orElseThrow(() -> Problem.badRequest(field + ": '" + text.strip()
                + "' is not a time (" + org.breakwater.cli.common.Times.FORMS + ")")));
    }

    private void all(Context ctx) {
        List<Parity> found = app.parity().all(pair(app, ctx), days(ctx));
        Requests.json(ctx, Json.write(g -> StagingJson.parities(g, found)));
    }

    private void one(Context ctx) {
        StagingPair envs = pair(app, ctx);
        String name = ctx.pathParam("name");
        if (app.catalog().service(name).isEmpty()) {
            throw Problem.notFound(app.catalog().unknownService(name));
        }
        Parity p = Requests.done(app.parity().parity(name, envs, days(ctx)), 400);
        Requests.json(ctx, Json.write(g -> StagingJson.parity(g, p)));
    }

    private void coverage(Context ctx) {
        String name = ctx.pathParam("name");
        if (app.catalog().service(name).isEmpty()) {
            throw Problem.notFound(app.catalog().unknownService(name));
        }
        String env = Optional.ofNullable(ctx.queryParam("env")).orElseGet(() -> pair(app, ctx).staging());
        String suite = ctx.queryParam("suite");
        Coverage c = Requests.done(suite != null ? app.suiteCoverage().suite(suite, name, env, days(ctx))
                : "true".equals(ctx.queryParam("replay")) ? app.suiteCoverage().replay(name, env, days(ctx))
                : app.coverage().coverage(name, env, List.of(window(ctx)), callers(ctx)), 400);
        Requests.json(ctx, Json.write(g -> StagingJson.coverage(g, c)));
    }

    private void untested(Context ctx) {
        PlanReport r = Requests.done(plans.report(Requests.id(ctx.pathParam("id"))), 404);
        String staging = pair(app, ctx).staging();
        List<Coverage.Untested> found = ctx.queryParam("identify") == null
                ? app.suiteCoverage().untested(r, staging, days(ctx))
                : app.coverage().untested(r, staging, List.of(app.coverage().lastDays(days(ctx))), callers(ctx));
        Requests.json(ctx, Json.write(g -> StagingJson.untested(g, found)));
    }
}

package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.staging.FlakeRule;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingSuite;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.SuiteService;
import org.breakwater.staging.cli.SuiteJson;

/** The staging suites in the REST API, in the shapes {@code breakwater staging ... --json} prints; secrets by name only. */
final class SuiteRoutes {
    private final App app;

    SuiteRoutes(App app) {
        this.app = app;
    }

    List<String> register(Javalin server) {
        server.get("/api/v1/staging/suites", this::suites);
        server.get("/api/v1/staging/suites/{name}/runs", this::runs);
        server.get("/api/v1/staging/suites/{name}/history", this::history);
        server.get("/api/v1/staging/runs/{id}", this::run);
        return List.of("GET /api/v1/staging/suites", "GET /api/v1/staging/suites/{name}/runs",
                "GET /api/v1/staging/suites/{name}/history", "GET /api/v1/staging/runs/{id}");
    }

    private void suites(Context ctx) {
        SuiteService suites = app.suites(SecretBox.NONE);
        List<StagingSuite> all = suites.suites();
        Requests.json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("suites");
            for (StagingSuite s : all) {
                SuiteJson.suite(g, s, suites.secretNames(s.name()), suites.nextDue(s.name()));
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private String known(Context ctx) {
        String name = ctx.pathParam("name");
        if (app.suiteResults().suites().stream().noneMatch(s -> s.name().equals(name))) {
            throw Problem.notFound("no suite '" + name + "'");
        }
        return name;
    }

    private void runs(Context ctx) {
        String name = known(ctx);
        int limit = Requests.intParam(ctx, "limit", 20, 1, 500);
        List<SuiteRun> runs = app.suiteResults().runs(Optional.of(name), limit);
        Requests.json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("runs");
            for (SuiteRun r : runs) {
                SuiteJson.run(g, r, false);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private void history(Context ctx) {
        String name = known(ctx);
        int window = Requests.intParam(ctx, "window", FlakeRule.defaults().window(), 2, 500);
        FlakeRule rule = new FlakeRule(window, FlakeRule.defaults().threshold());
        Requests.json(ctx, Json.write(g -> SuiteJson.history(g, name, app.suiteResults().history(name, rule))));
    }

    private void run(Context ctx) {
        long id = Requests.id(ctx.pathParam("id"));
        SuiteRun r = app.suiteResults().run(id).orElseThrow(() -> Problem.notFound("no run " + id));
        Requests.json(ctx, Json.write(g -> {
            g.writeStartObject();
            g.writeFieldName("run");
            SuiteJson.run(g, r, true);
            SuiteJson.cases(g, app.suiteResults().cases(id));
            g.writeEndObject();
        }));
    }
}

package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.breakwater.App;
import org.breakwater.plan.PlanService;
import org.breakwater.policy.Policy;

/**
 * {@code breakwater serve}: the Javalin server over the same store as the CLI. One line per
 * request on the log, {@code /healthz}, Prometheus text at {@code /metrics}, the REST API
 * under {@code /api/v1}, errors as RFC 9457 problem details and never a stack trace.
 */
public final class WebServer implements AutoCloseable {
    /** Breakwater's own API description, served at {@code /api/v1/openapi.json}. */
    public static final String OPENAPI = "web/openapi.json";

    private final Javalin server;
    private final List<String> routes;

    private WebServer(Javalin server, List<String> routes) {
        this.server = server;
        this.routes = List.copyOf(routes);
    }

    /** Starts serving on {@code host}:{@code port} (0: any free port). */
    public static WebServer start(App app, Policy policy, String host, int port, PrintWriter log) {
        PlanService plans = app.plans(policy);
        Metrics metrics = new Metrics();
        Javalin server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.maxRequestSize = 16L * 1024 * 1024; // an API description in a deployment record
            config.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                metrics.record(ctx.method().name(), route, ctx.statusCode(), ms);
                synchronized (log) {
                    log.printf("%s %s %d %.1fms%n", ctx.method().name(), ctx.path(), ctx.statusCode(), ms);
                    log.flush();
                }
            });
        });
        server.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        });
        server.exception(Problem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage()));
        server.exception(Exception.class, (e, ctx) -> {
            synchronized (log) {
                log.println("internal error on " + ctx.method().name() + " " + ctx.path() + ": " + e);
                log.flush();
            }
            problem(ctx, 500, "Internal error", "Breakwater failed to answer; the server log says why");
        });
        server.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type != null && (type.startsWith("application/problem") || type.startsWith("text/html"))) {
                return; // a route's own problem, already written
            }
            problem(ctx, 404, "Not found", "nothing at " + ctx.path());
        });
        server.get("/healthz", ctx -> {
            app.catalog().environments(); // the store answers
            ctx.contentType("application/json").result("{\"status\":\"ok\"}");
        });
        server.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.text()));
        String openapi = openapi();
        server.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
        List<String> routes = new ArrayList<>(List.of("/healthz", "/metrics", "/api/v1/openapi.json"));
        new Pages(app, plans).register(server);
        new ComparePage().register(server);
        routes.addAll(new ApiRoutes(app, plans).register(server));
        routes.addAll(new WriteRoutes(app, plans, app.access()).register(server));
        server.start(host, port);
        return new WebServer(server, routes);
    }

    /** Pages answer errors with a page; the API and the probes with problem details. */
    private static boolean page(String path) {
        return !path.startsWith("/api/") && !path.equals("/healthz") && !path.equals("/metrics");
    }

    /** The route that answered (its template, so metrics do not grow per path), or "unmatched". */
    private static String route(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private static void problem(Context ctx, int status, String title, String detail) {
        if (page(ctx.path())) {
            ctx.status(status).contentType("text/html; charset=utf-8").result(Html.page(title,
                    new Html().el("p", detail).tag("<p><a href=\"/\">Back to the dashboard</a></p>")));
            return;
        }
        ctx.status(status).contentType("application/problem+json").result(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "about:blank");
            g.writeStringField("title", title);
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail);
            g.writeStringField("instance", ctx.path());
            g.writeEndObject();
        }));
    }

    private static String openapi() {
        try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path of the API and the probes (the pages are not part of the API description). */
    public List<String> routes() {
        return routes;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}

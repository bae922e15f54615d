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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.breakwater.App;
import org.breakwater.announce.AnnounceService;
import org.breakwater.announce.Courier;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.auth.AccessService;
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

    private static final long DELIVERY_SECONDS = 10;

    private final Javalin server;
    private final List<String> routes;
    private final Optional<ScheduledExecutorService> courier;

    private WebServer(Javalin server, List<String> routes, Optional<ScheduledExecutorService> courier) {
        this.server = server;
        this.routes = List.copyOf(routes);
        this.courier = courier;
    }

    /** Delivers the outbox every few seconds on one background thread, logging what went and what failed. */
    private static ScheduledExecutorService deliverEvery(AnnounceService announcements,
                                                         Map<OutboxEntry.Channel, Courier> couriers, PrintWriter log) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "breakwater-outbox");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                AnnounceService.Delivery d = announcements.deliver(couriers, 100);
                if (d.delivered() > 0 || d.failed() > 0) {
                    synchronized (log) {
                        log.println("outbox: delivered " + d.delivered() + " to " + String.join(" and ",
                                couriers.values().stream().map(Courier::describe).toList())
                                + (d.failed() > 0 ? ", " + d.failed() + " to retry: " + String.join("; ", d.errors()) : ""));
                        log.flush();
                    }
                }
            } catch (RuntimeException e) {
                synchronized (log) {
                    log.println("outbox: delivery failed, tried again in " + DELIVERY_SECONDS + " s: " + e);
                    log.flush();
                }
            }
        }, 1, DELIVERY_SECONDS, TimeUnit.SECONDS);
        return timer;
    }

    /** Starts serving on {@code host}:{@code port} (0: any free port) with the default settings. */
    public static WebServer start(App app, Policy policy, String host, int port, PrintWriter log) {
        return start(app, policy, app.access(), WebSettings.defaults(), host, port, log);
    }

    /**
     * Starts serving on {@code host}:{@code port} (0: any free port). {@code access} is kept for
     * the server's life: it counts failed logins.
     */
    public static WebServer start(App app, Policy policy, AccessService access, WebSettings settings, String host,
                                  int port, PrintWriter log) {
        PlanService plans = app.plans(policy);
        WebAuth auth = new WebAuth(access, settings);
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
        List<String> routes = new ArrayList<>(List.of("GET /healthz", "GET /metrics", "GET /api/v1/openapi.json"));
        auth.register(server);
        AnnounceService announcements = app.announcements(policy, settings.mail().templates(), settings.mail().from());
        Pages pages = new Pages(app, plans, access, announcements);
        new PlanForms(app, plans, access, auth, pages).register(server); // before Pages: /plans/new, then /plans/{id}
        pages.register(server);
        new AnnouncePages(app, plans, announcements, access, auth, pages).register(server);
        routes.addAll(new Feeds(app, plans, announcements, settings.network().publicUrl()).register(server));
        new ComparePage(auth).register(server);
        routes.addAll(new ApiRoutes(app, plans).register(server));
        routes.addAll(new WriteRoutes(app, plans, access).register(server));
        server.start(host, port);
        Map<OutboxEntry.Channel, Courier> couriers = settings.mail().couriers();
        Optional<ScheduledExecutorService> courier = couriers.isEmpty() ? Optional.empty()
                : Optional.of(deliverEvery(announcements, couriers, log));
        return new WebServer(server, routes, courier);
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
            Html body = new Html().el("p", detail);
            if (status == 401) {
                body.tag("<p>").link("/login?next=" + java.net.URLEncoder.encode(WebAuth.safeNext(ctx.header("Referer")
                        == null ? "/" : refererPath(ctx.header("Referer"))), StandardCharsets.UTF_8), "Log in").tag("</p>");
            }
            body.tag("<p><a href=\"/\">Back to the dashboard</a></p>");
            ctx.status(status);
            WebAuth.html(ctx, title, body);
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

    /** The path of a Referer on this server, to come back to after logging in. */
    private static String refererPath(String referer) {
        try {
            java.net.URI u = java.net.URI.create(referer);
            return u.getRawPath() == null ? "/" : u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
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

    /** Every operation of the API and the probes, as "METHOD /path" (the pages are not part of the API description). */
    public List<String> routes() {
        return routes;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        courier.ifPresent(ScheduledExecutorService::shutdownNow);
        server.stop();
    }
}

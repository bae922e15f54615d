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
import org.breakwater.deployday.DayServices;
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

    /** The largest request body read, whatever its framing (chunked or not, multipart or not). */
    static final long MAX_BODY = 16L * 1024 * 1024;

    private final Javalin server;
    private final List<String> routes;
    private final Optional<ScheduledExecutorService> courier;
    private final Metrics metrics;

    private WebServer(Javalin server, List<String> routes, Optional<ScheduledExecutorService> courier, Metrics metrics) {
        this.server = server;
        this.routes = List.copyOf(routes);
        this.courier = courier;
        this.metrics = metrics;
    }

    /** Delivers the outbox every few seconds on one background thread, logging what went and what failed. */
    private static ScheduledExecutorService deliverEvery(AnnounceService announcements,
                                                         Map<OutboxEntry.Channel, Courier> couriers, ServerLog log,
                                                         Metrics metrics, Runnable before, java.time.Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "breakwater-outbox");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                before.run();
                AnnounceService.Delivery d = announcements.deliver(couriers, 100);
                metrics.delivery(d);
                if (d.failed() > 0) {
                    log.warning(outbox(d, couriers));
                } else if (d.delivered() > 0) {
                    log.line(outbox(d, couriers));
                }
            } catch (RuntimeException e) {
                log.failure("outbox: delivery failed, tried again in " + every.toSeconds() + " s: " + e, e);
            }
        }, 1000, every.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }

    /** What one delivery round did, for the log. */
    private static String outbox(AnnounceService.Delivery d, Map<OutboxEntry.Channel, Courier> couriers) {
        return "outbox: delivered " + d.delivered() + " to " + String.join(" and ",
                couriers.values().stream().map(Courier::describe).toList())
                + (d.failed() > 0 ? ", " + d.failed() + " to retry: " + String.join("; ", d.errors()) : "");
    }

    /** Starts serving on {@code host}:{@code port} (0: any free port) with the default settings. */
    public static WebServer start(App app, Policy policy, String host, int port) {
        return start(app, policy, app.access(), WebSettings.defaults(), host, port);
    }

    /**
     * As {@link #start(App, Policy, String, int)}; the log goes through SLF4J now (docs/operations.md),
     * {@code log} is no longer written to.
     */
    @Deprecated
    public static WebServer start(App app, Policy policy, String host, int port, PrintWriter log) {
        return start(app, policy, host, port);
    }

    /**
     * As {@link #start(App, Policy, AccessService, WebSettings, String, int)}; the log goes through
     * SLF4J now (docs/operations.md), {@code log} is no longer written to.
     */
    @Deprecated
    public static WebServer start(App app, Policy policy, AccessService access, WebSettings settings, String host,
                                  int port, PrintWriter log) {
        return start(app, policy, access, settings, host, port);
    }

    /**
     * Starts serving on {@code host}:{@code port} (0: any free port). {@code access} is kept for
     * the server's life: it counts failed logins. It logs through SLF4J: a line per request
     * ({@link RequestLog}) and the server's events ({@link ServerLog}).
     */
    public static WebServer start(App app, Policy policy, AccessService access, WebSettings settings, String host,
                                  int port) {
        PlanService plans = app.plans(policy);
        WebAuth auth = new WebAuth(access, settings);
        AnnounceService announcements = app.announcements(policy, settings.mail().templates(), settings.mail().from());
        DayServices day = app.day(policy, settings.mail().templates(), settings.mail().from());
        Metrics metrics = new Metrics(app, announcements, day.measures());
        ServerLog serverLog = new ServerLog();
        RequestLog requestLog = new RequestLog(settings.network());
        Javalin server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            Failures.guard(config, MAX_BODY, serverLog);
            config.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                metrics.request(ctx.method().name(), route, ctx.statusCode(), ms);
                requestLog.write(ctx, ms);
            });
        });
        server.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        });
        Failures.map(server, serverLog);
        server.get("/healthz", ctx -> {
            app.catalog().environments(); // the store answers
            ctx.contentType("application/json").result("{\"status\":\"ok\"}");
        });
        server.get("/metrics", ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.text()));
        String openapi = openapi();
        server.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
        List<String> routes = new ArrayList<>(List.of("GET /healthz", "GET /metrics", "GET /api/v1/openapi.json"));
        auth.register(server);
        Pages pages = new Pages(app, plans, access, announcements);
        new PlanForms(app, plans, access, auth, pages).register(server); // before Pages: /plans/new, then /plans/{id}
        pages.register(server);
        new AnnouncePages(app, plans, announcements, access, auth, pages).register(server);
        routes.addAll(new Feeds(app, plans, announcements, settings.network().publicUrl()).register(server));
        new ComparePage(auth).register(server);
        routes.addAll(new ApiRoutes(app, plans).register(server));
        new StagingPages(app).register(server);
        routes.addAll(new StagingRoutes(app, plans).register(server));
        routes.addAll(new WriteRoutes(app, plans, access).register(server));
        new SuitePages(app).register(server);
        routes.addAll(new SuiteRoutes(app).register(server));
        routes.addAll(new IncidentRoutes(app, access).register(server));
        new IncidentPages(app, access, auth).register(server);
        new DayPages(app, plans, day, access, auth, settings.network().publicUrl()).register(server);
        new MeasuresPage(day).register(server);
        routes.addAll(new DayRoutes(app, plans, day, access, settings.network().publicUrl()).register(server));
        var agenda = app.agenda(policy, settings.mail().from());
        new MeetingPages(app.meetings(policy), agenda, policy, access, auth).register(server);
        routes.addAll(new MeetingRoutes(app.meetings(policy), agenda, policy, access).register(server));
        routes.addAll(new ReplayPages(app, plans, access, auth).register(server));
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        Map<OutboxEntry.Channel, Courier> couriers = settings.mail().couriers();
        Optional<ScheduledExecutorService> courier = couriers.isEmpty() ? Optional.empty()
                : Optional.of(deliverEvery(announcements, couriers, serverLog, metrics, () -> {
                    if (couriers.containsKey(OutboxEntry.Channel.MAIL)) {
                        app.agenda(policy, settings.mail().from()).queueMail(); // once per meeting (docs/meetings.md)
                    }
                    detect(app, serverLog); // before delivering: an incident's notices go out in the same round
                }, settings.mail().every()));
        return new WebServer(server, routes, courier, metrics);
    }

    /**
     * Runs the breakage detector over the plans in progress or settling (docs/deployment-day.md):
     * each incident is opened once whichever instance finds it first; a failure is logged and does
     * not hold up the delivery.
     */
    private static void detect(App app, ServerLog log) {
        try {
            app.detectBreakage().forEach(line -> log.line("detector: " + line));
        } catch (RuntimeException e) {
            log.failure("detector: the run failed, tried again next round: " + e, e);
        }
    }

    /**
     * The route that answered (its template, so metrics do not grow per path): "*" when a
     * before-handler answered (a login needed), "unmatched" when no route matched.
     */
    private static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path.startsWith("/") || path.equals("*") ? path : "unmatched";
        } catch (RuntimeException e) {
            return "unmatched";
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
        metrics.close();
    }
}

package org.breakwater.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import org.breakwater.store.Database;
import org.breakwater.store.StoreException;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * How the server answers what went wrong: RFC 9457 problem details for the API and the probes,
 * a page for the pages. An unexpected failure gets an incident id, written in the server log
 * line that says what happened, in the {@value #REQUEST_ID} header and in the answer (the
 * problem's {@code requestId}, or on the error page).
 */
final class Failures {
    /** The response header carrying the request's id (every answer has one; an incident is logged under it). */
    static final String REQUEST_ID = "X-Request-Id";

    private Failures() {
    }

    /**
     * Puts {@link Guard} in front of everything the server answers: bodies capped at {@code maxBody}
     * bytes whatever their framing, and failures past Javalin still answered and logged.
     */
    static void guard(JavalinConfig config, long maxBody, ServerLog log) {
        // Javalin checks only a declared length under 2 GB, and answers in plain text: Guard caps every body instead
        config.http.maxRequestSize = Long.MAX_VALUE;
        config.http.prefer405over404 = true; // a path that answers other methods says so, rather than "not found"
        config.jetty.multipartConfig.maxTotalRequestSize(maxBody, SizeUnit.BYTES);
        config.jetty.modifyServletContextHandler(handler -> {
            handler.addFilter(new FilterHolder(new Guard(maxBody, log)), "/*", EnumSet.of(DispatcherType.REQUEST));
            handler.setErrorHandler(new ProblemErrorHandler());
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
    }

    /** The server's one exception mapping: refusals as they are, a busy store as 503, anything else 500 with an id. */
    static void map(Javalin server, ServerLog log) {
        server.exception(Problem.class, (e, ctx) -> problem(ctx, e));
        server.exception(io.javalin.http.MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = String.join(", ", e.getDetails().values().stream()
                    .flatMap(v -> java.util.Arrays.stream(v.split(",\\s*"))).filter(m -> !m.isBlank()).sorted().toList());
            ctx.header("Allow", allowed);
            problem(ctx, 405, "Method not allowed", ctx.path() + " answers " + allowed + ", not " + ctx.method().name(),
                    Optional.empty());
        });
        server.exception(Exception.class, (e, ctx) -> failed(ctx, log, e));
        server.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type != null && (type.startsWith("application/problem") || type.startsWith("text/html"))) {
                return; // a route's own problem, already written
            }
            problem(ctx, 404, "Not found", "nothing at " + ctx.path(), Optional.empty());
        });
    }

    private static void problem(Context ctx, Problem p) {
        Failures.problem(ctx, p.status(), p.title(), p.getMessage(), Optional.empty());
    }

    /**
     * An exception no route turned into an answer: a refusal wrapped on its way out is still that
     * refusal, a busy store is a 503 to retry, anything else an internal error under an incident id.
     */
    private static void failed(Context ctx, ServerLog log, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Problem p) {
                problem(ctx, p);
                return;
            }
        }
        Optional<StoreException> store = Database.explain(e);
        if (store.isPresent() && store.get().busy()) {
            String id = ServerLog.incident(ctx.req());
            log.warning("store busy " + id + " on " + ctx.method().name() + " " + ctx.path() + ": " + store.get().getMessage());
            ctx.header("Retry-After", "1").header(REQUEST_ID, id);
            problem(ctx, 503, "Store busy", "the store is busy with another writer; try again in a moment"
                    + " (request id " + id + ")", Optional.of(id));
            return;
        }
        unexpected(ctx, log, e);
    }

    /** Pages answer errors with a page; the API and the probes with problem details. */
    static boolean page(String path) {
        return !path.startsWith("/api/") && !path.equals("/healthz") && !path.equals("/metrics");
    }

    /** The answer to an unexpected failure: logged under a new id, answered with it, never with a trace. */
    static void unexpected(Context ctx, ServerLog log, Throwable e) {
        String id = ServerLog.incident(ctx.req());
        log.failure("internal error " + id + " on " + ctx.method().name() + " " + ctx.path() + ": " + e, e);
        ctx.header(REQUEST_ID, id);
        if (e instanceof NothingWritten n) {
            problem(ctx, 500, n.title(), n.getMessage() + " If it fails again, the server log says why under request id "
                    + id, Optional.of(id));
            return;
        }
        problem(ctx, 500, "Internal error", detail(id), Optional.of(id));
    }

    static String detail(String id) {
        return "Breakwater failed to answer; the server log says why under request id " + id;
    }

    static void problem(Context ctx, int status, String title, String detail, Optional<String> id) {
        if (status == 413) {
            ctx.header("Connection", "close"); // the rest of the body is not read
        }
        if (page(ctx.path())) {
            ctx.status(status);
            WebAuth.html(ctx, title, page(ctx, status, detail));
            return;
        }
        ctx.status(status).contentType("application/problem+json").result(json(status, title, detail, ctx.path(), id));
    }

    /** Writes a problem on a bare servlet response (the server's outermost filter, where Javalin has given up). */
    static void problem(HttpServletResponse res, String path, int status, String title, String detail, String id)
            throws IOException {
        res.resetBuffer();
        res.setStatus(status);
        res.setHeader(REQUEST_ID, id);
        String body;
        if (page(path)) {
            res.setContentType("text/html; charset=utf-8");
            body = Html.page(title, new Html().el("p", detail).tag("<p><a href=\"/\">Back to the dashboard</a></p>"),
                    Optional.empty());
        } else {
            res.setContentType("application/problem+json");
            body = json(status, title, detail, path, Optional.of(id));
        }
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    static String json(int status, String title, String detail, String instance, Optional<String> id) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "about:blank");
            g.writeStringField("title", title);
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail);
            g.writeStringField("instance", instance);
            if (id.isPresent()) {
                g.writeStringField("requestId", id.get());
            }
            g.writeEndObject();
        });
    }

    private static Html page(Context ctx, int status, String detail) {
        Html body = new Html().el("p", detail);
        if (status == 401) {
            body.tag("<p>").link("/login?next=" + java.net.URLEncoder.encode(WebAuth.safeNext(ctx.header("Referer")
                    == null ? "/" : refererPath(ctx.header("Referer"))), StandardCharsets.UTF_8), "Log in").tag("</p>");
        }
        return body.tag("<p><a href=\"/\">Back to the dashboard</a></p>");
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
}

package org.breakwater.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the server answers what went wrong: RFC 9457 problem details for the API and the probes,
 * a page for the pages. An unexpected failure gets an incident id, written in the server log
 * line that says what happened, in the {@value #REQUEST_ID} header and in the answer (the
 * problem's {@code requestId}, or on the error page).
 */
final class Failures {
    /** The response header carrying an incident's id. */
    static final String REQUEST_ID = "X-Request-Id";

    private Failures() {
    }

    /** Pages answer errors with a page; the API and the probes with problem details. */
    static boolean page(String path) {
        return !path.startsWith("/api/") && !path.equals("/healthz") && !path.equals("/metrics");
    }

    /** The answer to an unexpected failure: logged under a new id, answered with it, never with a trace. */
    static void unexpected(Context ctx, ServerLog log, Throwable e) {
        String id = ServerLog.incidentId();
        log.line("internal error " + id + " on " + ctx.method().name() + " " + ctx.path() + ": " + e);
        ctx.header(REQUEST_ID, id);
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

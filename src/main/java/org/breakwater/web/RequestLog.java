package org.breakwater.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.breakwater.logs.Secrets;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per request, at INFO on the logger {@value #NAME}: method, path (the query with
 * secrets masked), status, duration in ms, bytes sent, the client's address (as {@link Network}
 * resolves it behind trusted proxies), the user when known, and the request id (its
 * X-Request-Id). In text, {@code key=value} pairs (docs/operations.md); in JSON lines, the same
 * pairs as the event's key-value list. No header is ever logged.
 */
final class RequestLog {
    /** The logger of the request lines. */
    static final String NAME = "org.breakwater.web.requests";
    private static final String USER = "breakwater.user";
    private static final Pattern PLAIN = Pattern.compile("[^\\s\"=]+");

    private final Logger log = LoggerFactory.getLogger(NAME);
    private final Network network;

    RequestLog(Network network) {
        this.network = network;
    }

    /** Notes who a request came from when it was not a session (an API token's owner). */
    static void user(Context ctx, String username) {
        ctx.attribute(USER, username);
    }

    /** Writes the line of a request that was answered in {@code ms}. */
    void write(Context ctx, float ms) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Map<String, Object> pairs = pairs(ctx, ms);
        LoggingEventBuilder line = log.atInfo();
        StringBuilder text = new StringBuilder();
        pairs.forEach((k, v) -> {
            line.addKeyValue(k, v);
            text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(quoted(String.valueOf(v)));
        });
        line.log(text.toString());
    }

    private Map<String, Object> pairs(Context ctx, float ms) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("method", ctx.method().name());
        String query = ctx.queryString();
        p.put("path", Secrets.mask(ctx.path() + (query == null ? "" : "?" + query)));
        p.put("status", ctx.statusCode());
        p.put("ms", Math.round(ms * 10) / 10.0);
        p.put("bytes", bytes(ctx));
        p.put("remote", network.client(ctx.ip(), Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
        String user = ctx.attribute(USER);
        p.put("user", user != null ? user : WebAuth.session(ctx).map(s -> s.principal().username()).orElse("-"));
        p.put("id", ServerLog.requestId(ctx.req()));
        return p;
    }

    /** The body's bytes: written already, or still waiting in the result; -1 when unknown. */
    private static long bytes(Context ctx) {
        Request base = Request.getBaseRequest(ctx.req());
        long written = base == null ? -1 : Math.max(base.getResponse().getHttpOutput().getWritten(),
                base.getResponse().getHttpChannel().getBytesWritten());
        try {
            java.io.InputStream result = ctx.resultInputStream();
            return result instanceof java.io.ByteArrayInputStream pending ? Math.max(written, pending.available())
                    : written;
        } catch (RuntimeException e) {
            return written;
        }
    }

    /** A value as it stands, or in double quotes (a quote in it written %22, as in a URL) when it has a space, quote or '='. */
    static String quoted(String value) {
        if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
            return value;
        }
        return '"' + value.replace("\"", "%22") + '"';
    }
}

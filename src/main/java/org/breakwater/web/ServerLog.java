package org.breakwater.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ThreadLocalRandom;
import org.breakwater.logs.LogLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's log: what happened to the server (incidents, the outbox) through SLF4J, one line
 * per event. Breakwater's encoders write each line whole, with control characters escaped
 * ({@link LogLines}) and secrets masked ({@link org.breakwater.logs.Secrets}), so text a request
 * carried cannot break a line in two, forge another or show a password.
 */
final class ServerLog {
    /** The logger of the server's events. */
    static final String NAME = "org.breakwater.web.server";
    private static final String ID = "breakwater.request-id";
    private static final String LOGGED = "breakwater.incident-logged";

    private final Logger log = LoggerFactory.getLogger(NAME);

    /** Something operators should know that is not a failure. */
    void line(String line) {
        log.info(line);
    }

    /** A failure, with its cause when there is one (its trace on the same line). */
    void failure(String line, Throwable cause) {
        log.error(line, cause);
    }

    /** Something wrong that the server answered for (a busy store): no trace. */
    void warning(String line) {
        log.warn(line);
    }

    /** The id to log a failure of this request under (its request id), noting that it is logged. */
    static String incident(HttpServletRequest req) {
        req.setAttribute(LOGGED, Boolean.TRUE);
        return requestId(req);
    }

    /** Whether a failure of this request was logged already. */
    static boolean logged(HttpServletRequest req) {
        return req.getAttribute(LOGGED) != null;
    }

    /** {@code text} with every control character escaped (see {@link LogLines#clean}). */
    static String clean(String text) {
        return LogLines.clean(text);
    }

    /** The id of this request (made on first asking): in its request log line, its X-Request-Id, any incident. */
    static String requestId(HttpServletRequest req) {
        Object id = req.getAttribute(ID);
        if (id instanceof String s) {
            return s;
        }
        String made = incidentId();
        req.setAttribute(ID, made);
        return made;
    }

    /** A new id for one request or incident. */
    static String incidentId() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }
}

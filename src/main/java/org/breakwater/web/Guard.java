package org.breakwater.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.server.Request;

/**
 * The servlet filter in front of everything Javalin serves. It caps every request body at
 * {@code limit} bytes ({@link BodyLimit}), and it makes sure that a failure which escaped
 * Javalin's exception mapper (an {@link Error} such as running out of memory, which Javalin
 * answers with a bare 500, or anything thrown past it) is still logged under an incident id and
 * answered as problem details with that id.
 */
final class Guard implements Filter {
    private final long limit;
    private final ServerLog log;

    Guard(long limit, ServerLog log) {
        this.limit = limit;
        this.log = log;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        res.setHeader(Failures.REQUEST_ID, ServerLog.requestId(req));
        try {
            chain.doFilter(new BodyLimit(req, limit), res);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            answer(req, res, e.toString(), e);
            return;
        }
        if (res.getStatus() >= 500 && !ServerLog.logged(req) && !req.isAsyncStarted()) {
            answer(req, res, "failed with status " + res.getStatus() + " and no exception to show"
                    + " (a JVM error such as running out of memory or a stack overflow)", null);
        }
        Request base = Request.getBaseRequest(req);
        if (base != null && (req.getAttribute(BodyLimit.REFUSED) != null || unread(req, base))) {
            hangUp(base, res);
        }
    }

    /** A body was sent and not read to its end. */
    private static boolean unread(HttpServletRequest req, Request base) {
        boolean body = req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
        return body && !base.getHttpInput().isFinished();
    }

    /**
     * Sends the answer and closes the connection when the body was refused or left unread: Jetty
     * would otherwise read (and drop) the rest of it to keep the connection, however long it is.
     */
    private static void hangUp(Request base, HttpServletResponse res) throws IOException {
        if (!res.isCommitted()) {
            res.setHeader("Connection", "close");
        }
        try {
            res.getOutputStream().close();
        } catch (IllegalStateException e) {
            res.getWriter().close(); // the answer was written as text
        } finally {
            base.getHttpChannel().getEndPoint().close();
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse res, String what, Throwable cause)
            throws IOException {
        String id = ServerLog.incident(req);
        log.failure("internal error " + id + " on " + req.getMethod() + " " + req.getRequestURI() + ": " + what, cause);
        if (!res.isCommitted()) {
            Failures.problem(res, req.getRequestURI(), 500, "Internal error", Failures.detail(id), id);
        }
    }
}

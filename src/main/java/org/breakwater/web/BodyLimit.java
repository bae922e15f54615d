package org.breakwater.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.eclipse.jetty.http.BadMessageException;

/**
 * A request whose body cannot be read past {@code limit} bytes, whatever its framing: a declared
 * {@code Content-Length} over the limit is refused at the first read, and a chunked body (no
 * length) is counted as it is read and refused the moment it passes the limit. Either way the
 * reader gets a 413 {@link Problem}, and nothing beyond the limit is read or held. Multipart
 * bodies are parsed by Jetty from its own input, under the same limit (Javalin's multipart
 * configuration); its refusal becomes the same 413 here.
 */
final class BodyLimit extends HttpServletRequestWrapper {
    /** The request attribute set on a request whose body was refused: its connection is closed after the answer. */
    static final String REFUSED = "breakwater.body-refused";

    private final long limit;
    private ServletInputStream input;

    BodyLimit(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    /** The refusal every reader of an oversized body gets. */
    static Problem tooLarge(long limit) {
        return new Problem(413, "Content too large", "a request body may be at most " + limit / (1024 * 1024)
                + " MB; nothing was read past that");
    }

    private void refuseDeclared() {
        if (getContentLengthLong() > limit) {
            throw refused();
        }
    }

    private Problem refused() {
        setAttribute(REFUSED, Boolean.TRUE);
        return tooLarge(limit);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (input == null) {
            input = new Counted(super.getInputStream());
        }
        return input;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        refuseDeclared();
        try {
            return super.getParts();
        } catch (IllegalStateException e) {
            throw refusal(e);
        }
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        refuseDeclared();
        try {
            return super.getPart(name);
        } catch (IllegalStateException e) {
            throw refusal(e);
        }
    }

    /**
     * Jetty's multipart parser stops at the configured maximum with an IllegalStateException naming
     * it, and at a malformed body (a NUL in a file name) with one wrapping the 400 it means.
     */
    private RuntimeException refusal(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("maxRequestSize") || message.contains("maxFileSize")) {
            return refused();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad) {
                return Problem.badRequest("the form does not read: " + bad.getReason());
            }
        }
        return e;
    }

    /** The body as read so far, refused once past the limit. */
    private final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Counted(ServletInputStream in) {
            this.in = in;
        }

        private int count(int n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw refused();
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            refuseDeclared();
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            refuseDeclared();
            return count(in.read(b, off, (int) Math.min(len, limit + 1 - read)));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

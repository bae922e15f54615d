package org.breakwater.staging.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Replay's outbound HTTP/1.1 with the JDK's blocking {@link HttpURLConnection}: each replay worker
 * writes its request and reads the answer on its own thread, on a kept-alive connection (the
 * JDK's keep-alive cache), with no proxy. It costs a quarter of the CPU of
 * {@code java.net.http.HttpClient}, whose selector thread, futures and hand-offs between threads
 * dominated a replay's CPU time (decision 0026). Redirects are never followed by the connection
 * but here, and only while they stay on the environment's own scheme, host and port (at most
 * {@link #REDIRECTS}); a redirect elsewhere is answered as it came. Connecting and each read wait
 * at most the replay's timeout; a body is read up to the limit and cut there (the connection is
 * closed, the rest never read).
 */
public final class HttpFetcher implements Fetcher {
    static final int REDIRECTS = 5;
    /** Idle connections the JDK keeps per host when {@code http.maxConnections} is not set: the highest concurrency. */
    static final int KEEP_ALIVE = 64;

    private final int timeout;
    private final int maxBody;

    public HttpFetcher(ReplayLimits limits) {
        this.timeout = (int) Math.min(Integer.MAX_VALUE, limits.timeout().toMillis());
        this.maxBody = limits.maxBodyBytes();
        keepAlive();
    }

    /**
     * The JDK keeps 5 idle connections per host unless {@code http.maxConnections} says otherwise
     * (read once, at its first keep-alive); at a higher concurrency every call past the fifth would
     * reconnect. Raised to {@link #KEEP_ALIVE} unless set: it bounds idle sockets only.
     */
    private static void keepAlive() {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE));
        }
    }

    @Override
    public Answer fetch(URI base, String method, String target) {
        try {
            URI uri = URI.create(stripSlash(base.toString()) + target);
            for (int hop = 0; ; hop++) {
                HttpURLConnection c = open(uri, method);
                int status = c.getResponseCode();
                if (status < 0) {
                    throw new IOException("not an HTTP answer");
                }
                Optional<URI> next = redirect(c, status, uri);
                if (next.isPresent() && sameOrigin(base, next.get()) && hop < REDIRECTS) {
                    drain(c, status);
                    uri = next.get();
                    continue;
                }
                return answer(c, status);
            }
        } catch (SocketTimeoutException e) {
            return Answer.failed("timed out after " + timeout + " ms");
        } catch (ConnectException e) {
            return Answer.failed("connection refused");
        } catch (IOException e) {
            return Answer.failed("failed: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        } catch (IllegalArgumentException e) {
            return Answer.failed("not a valid request: " + e.getMessage());
        }
    }

    private HttpURLConnection open(URI uri, String method) throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http or https URL: " + uri);
        }
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(timeout);
        c.setReadTimeout(timeout);
        c.setRequestMethod(method);
        if (!ReplayLimits.SAFE.contains(method)) {
            // An empty body in streaming mode: the JDK never sends such a request twice (it retries
            // others once on a kept-alive connection the server had closed), so an allowed unsafe
            // call reaches staging at most once, as with java.net.http.
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(0);
        }
        c.setRequestProperty("Accept", "application/json, */*");
        c.setRequestProperty("User-Agent", "breakwater-replay");
        return c;
    }

    private Answer answer(HttpURLConnection c, int status) throws IOException {
        String type = Objects.requireNonNullElse(c.getContentType(), "");
        try (InputStream in = body(c, status)) {
            if (in == null) {
                return new Answer(status, type, new byte[0], false, Optional.empty());
            }
            long length = c.getContentLengthLong();
            byte[] buffer = new byte[(int) Math.min(maxBody, length >= 0 ? length : 8192)];
            int n = 0;
            while (true) {
                if (n == buffer.length) {
                    if (n >= maxBody) {
                        boolean more = in.read() >= 0;
                        if (more) {
                            c.disconnect(); // the rest is never read
                        }
                        return new Answer(status, type, buffer, more, Optional.empty());
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBody, Math.max(8192, 2L * buffer.length)));
                }
                int read = in.read(buffer, n, buffer.length - n);
                if (read < 0) {
                    return new Answer(status, type, n == buffer.length ? buffer : Arrays.copyOf(buffer, n), false, Optional.empty());
                }
                n += read;
            }
        }
    }

    /** The answer's body: the error stream for 4xx and 5xx (null when there is none). */
    private static InputStream body(HttpURLConnection c, int status) throws IOException {
        return status >= 400 ? c.getErrorStream() : c.getInputStream();
    }

    /** Reads a redirect's (small) body to its end, so that its connection is kept alive; a long one closes it. */
    private void drain(HttpURLConnection c, int status) throws IOException {
        try (InputStream in = body(c, status)) {
            if (in != null && in.skip(maxBody) >= maxBody) {
                c.disconnect();
            }
        }
    }

    private static Optional<URI> redirect(HttpURLConnection c, int s, URI from) {
        if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(c.getHeaderField("Location")).map(from::resolve);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean sameOrigin(URI base, URI other) {
        return Objects.equals(base.getScheme(), other.getScheme()) && base.getHost() != null
                && base.getHost().equalsIgnoreCase(other.getHost()) && port(base) == port(other);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

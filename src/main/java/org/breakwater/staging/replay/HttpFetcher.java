package org.breakwater.staging.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
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
 * closed, the rest never read). A method {@code HttpURLConnection} refuses (PATCH) is sent with
 * {@code java.net.http} instead ({@link HttpClientExchange}), read and redirected the same way.
 */
public final class HttpFetcher implements Fetcher {
    static final int REDIRECTS = 5;
    /** Idle connections the JDK keeps per host when {@code http.maxConnections} is not set: the highest concurrency. */
    static final int KEEP_ALIVE = 64;

    private final int timeout;
    private final int maxBody;
    /** For the methods {@code HttpURLConnection} refuses; made at the first such call. */
    private HttpClient client;

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
                Exchange x = send(uri, method);
                if (x.status() < 0) {
                    throw new IOException("not an HTTP answer");
                }
                Optional<URI> next = redirect(x, uri);
                if (next.isPresent() && sameOrigin(base, next.get()) && hop < REDIRECTS) {
                    drain(x);
                    uri = next.get();
                    continue;
                }
                return answer(x);
            }
        } catch (SocketTimeoutException | HttpTimeoutException e) {
            return Answer.failed("timed out after " + timeout + " ms");
        } catch (ConnectException e) {
            return Answer.failed("connection refused");
        } catch (IOException e) {
            return Answer.failed("failed: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        } catch (IllegalArgumentException e) {
            return Answer.failed("not a valid request: " + e.getMessage());
        }
    }

    /** Sends {@code method}: on an {@code HttpURLConnection}, or through java.net.http for a method it refuses (PATCH). */
    private Exchange send(URI uri, String method) throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http or https URL: " + uri);
        }
        if (!HttpClientExchange.URL_CONNECTION.contains(method)) {
            return HttpClientExchange.send(client(), uri, method, Duration.ofMillis(timeout));
        }
        HttpURLConnection c = open(uri, method);
        return new UrlConnection(c, c.getResponseCode());
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClientExchange.client(Duration.ofMillis(timeout));
        }
        return client;
    }

    private HttpURLConnection open(URI uri, String method) throws IOException {
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

    /** An answer on an {@code HttpURLConnection}: 4xx and 5xx bodies come from its error stream (null when there is none). */
    private record UrlConnection(HttpURLConnection c, int status) implements Exchange {
        @Override
        public String contentType() {
            return Objects.requireNonNullElse(c.getContentType(), "");
        }

        @Override
        public long length() {
            return c.getContentLengthLong();
        }

        @Override
        public Optional<String> location() {
            return Optional.ofNullable(c.getHeaderField("Location"));
        }

        @Override
        public InputStream body() throws IOException {
            return status >= 400 ? c.getErrorStream() : c.getInputStream();
        }

        @Override
        public void abandon() {
            c.disconnect();
        }
    }

    private Answer answer(Exchange x) throws IOException {
        try (InputStream in = x.body()) {
            if (in == null) {
                return new Answer(x.status(), x.contentType(), new byte[0], false, Optional.empty());
            }
            long length = x.length();
            byte[] buffer = new byte[(int) Math.min(maxBody, length >= 0 ? length : 8192)];
            int n = 0;
            while (true) {
                if (n == buffer.length) {
                    if (n >= maxBody) {
                        boolean more = in.read() >= 0;
                        if (more) {
                            x.abandon(); // the rest is never read
                        }
                        return new Answer(x.status(), x.contentType(), buffer, more, Optional.empty());
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBody, Math.max(8192, 2L * buffer.length)));
                }
                int read = in.read(buffer, n, buffer.length - n);
                if (read < 0) {
                    return new Answer(x.status(), x.contentType(), n == buffer.length ? buffer : Arrays.copyOf(buffer, n),
                            false, Optional.empty());
                }
                n += read;
            }
        }
    }

    /** Reads a redirect's (small) body to its end, so that its connection is kept alive; a long one closes it. */
    private void drain(Exchange x) throws IOException {
        try (InputStream in = x.body()) {
            if (in != null && in.skip(maxBody) >= maxBody) {
                x.abandon();
            }
        }
    }

    private static Optional<URI> redirect(Exchange x, URI from) {
        int s = x.status();
        if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
            return Optional.empty();
        }
        try {
            return x.location().map(from::resolve);
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

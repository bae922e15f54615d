package org.breakwater.staging.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Replay's outbound HTTP with {@link HttpClient}: redirects are never followed by the client
 * ({@link HttpClient.Redirect#NEVER}) but here, and only while they stay on the environment's
 * own scheme, host and port (at most {@link #REDIRECTS}); a redirect elsewhere is answered as
 * it came. Each request has the replay's timeout; a body is read up to the limit and cut there
 * (the connection is closed, the rest never read).
 */
public final class HttpFetcher implements Fetcher {
    static final int REDIRECTS = 5;

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBody;

    public HttpFetcher(ReplayLimits limits) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = limits.timeout();
        this.maxBody = limits.maxBodyBytes();
    }

    @Override
    public Answer fetch(URI base, String method, String target) {
        URI uri = URI.create(stripSlash(base.toString()) + target);
        try {
            for (int hop = 0; ; hop++) {
                HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(timeout)
                        .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json, */*")
                        .header("User-Agent", "breakwater-replay").build(), HttpResponse.BodyHandlers.ofInputStream());
                Optional<URI> next = redirect(r, uri);
                if (next.isPresent() && sameOrigin(base, next.get()) && hop < REDIRECTS) {
                    r.body().close();
                    uri = next.get();
                    continue;
                }
                return answer(r);
            }
        } catch (HttpTimeoutException e) {
            return Answer.failed("timed out after " + timeout.toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            return Answer.failed("connection refused");
        } catch (IOException e) {
            return Answer.failed("failed: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        } catch (IllegalArgumentException e) {
            return Answer.failed("not a valid request: " + e.getMessage());
        }
    }

    private Answer answer(HttpResponse<InputStream> r) throws IOException {
        String type = r.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[Math.min(8192, maxBody)];
            int n = 0;
            while (true) {
                if (n == buffer.length) {
                    if (n >= maxBody) {
                        boolean more = in.read() >= 0;
                        return new Answer(r.statusCode(), type, buffer, more, Optional.empty());
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxBody, 2L * buffer.length));
                }
                int read = in.read(buffer, n, buffer.length - n);
                if (read < 0) {
                    return new Answer(r.statusCode(), type, Arrays.copyOf(buffer, n), false, Optional.empty());
                }
                n += read;
            }
        }
    }

    private static Optional<URI> redirect(HttpResponse<?> r, URI from) {
        int s = r.statusCode();
        if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
            return Optional.empty();
        }
        try {
            return r.headers().firstValue("Location").map(from::resolve);
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

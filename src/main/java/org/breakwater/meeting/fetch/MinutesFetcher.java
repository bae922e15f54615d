package org.breakwater.meeting.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches minutes by URL (docs/meetings.md, "Minutes by URL"): only from the hosts the policy's
 * {@code meeting.minutesHosts} names, http or https, with a connect and a whole-request time limit,
 * the body read to at most {@code maxBytes} (one byte more is a refusal, checked while reading),
 * and redirects followed by hand, each target checked against the same list, at most
 * {@link #REDIRECTS} of them.
 */
public final class MinutesFetcher {
    static final int REDIRECTS = 5;

    private final List<String> hosts;
    private final int maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    public MinutesFetcher(List<String> hosts, int maxBytes, Duration timeout) {
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** The minutes' bytes, or why they were not fetched. */
    public sealed interface Fetched permits Fetched.Body, Fetched.Refused {
        record Body(String url, byte[] bytes) implements Fetched {
        }

        record Refused(String reason) implements Fetched {
        }
    }

    /** Whether {@code source} is a URL rather than a file name. */
    public static boolean isUrl(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    public Fetched fetch(String url) {
        String current = url;
        try {
            for (int hop = 0; hop <= REDIRECTS; hop++) {
                URI uri = new URI(current);
                Optional<String> refused = allowed(uri);
                if (refused.isPresent()) {
                    return new Fetched.Refused(refused.get() + (hop > 0 ? " (redirected there from " + url + ")" : ""));
                }
                HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = r.body()) {
                    int status = r.statusCode();
                    if (status >= 300 && status < 400 && r.headers().firstValue("location").isPresent()) {
                        current = uri.resolve(r.headers().firstValue("location").get().strip()).toString();
                        continue;
                    }
                    if (status != 200) {
                        return new Fetched.Refused(current + " answered HTTP " + status);
                    }
                    byte[] bytes = bounded(body);
                    if (bytes.length > maxBytes) {
                        return new Fetched.Refused(current + ": too large: more than " + maxBytes
                                + " bytes (the limit for one minutes file)");
                    }
                    return new Fetched.Body(current, bytes);
                }
            }
            return new Fetched.Refused(url + ": more than " + REDIRECTS + " redirects");
        } catch (URISyntaxException e) {
            return new Fetched.Refused("'" + current + "' is not a URL: " + e.getReason());
        } catch (HttpTimeoutException e) {
            return new Fetched.Refused(current + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Fetched.Refused(current + ": cannot fetch it: " + why(e, URI.create(current).getAuthority()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched.Refused(current + ": interrupted");
        }
    }

    /** Reads at most one byte past the limit, within the time limit (a server that trickles is cut off). */
    private byte[] bounded(InputStream body) throws IOException, InterruptedException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return body.readNBytes(maxBytes + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.close();
            throw new HttpTimeoutException("the body took too long");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        }
    }

    /** Why a fetch failed, in words: the JDK's client often says only "ConnectException", without a message. */
    static String why(IOException e, String authority) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.UnknownHostException || root instanceof java.nio.channels.UnresolvedAddressException) {
            return "no host " + authority + " is known (check the name)";
        }
        if (e instanceof java.net.ConnectException || root instanceof java.net.ConnectException) {
            return "no connection to " + authority + " (refused, or the host cannot be reached from here)";
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message != null ? message : root.getClass().getSimpleName();
    }

    private Optional<String> allowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("'" + uri + "' is not an http or https address");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int standard = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() < 0 ? standard : uri.getPort();
        if (hosts.contains(host) && port == standard || hosts.contains(host + ":" + port)) {
            return Optional.empty();
        }
        return Optional.of(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + " is not a host minutes may be fetched from (policy meeting.minutesHosts: "
                + (hosts.isEmpty() ? "none" : String.join(", ", hosts)) + ")");
    }
}

package org.breakwater.staging.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the methods the JDK's {@code HttpURLConnection} refuses (PATCH above all) with
 * {@code java.net.http}, so that a call an allow rule permits reaches staging as the method it is
 * (decision 0026). As {@link HttpFetcher}'s own connections: HTTP/1.1, no proxy, redirects never
 * followed by the client, an empty body; the client retries only GET and HEAD on its own, so such
 * a call is sent at most once. The replay's timeout bounds connecting and waiting for the answer's
 * head; the body is read through the same cap as every answer. One client per fetcher, made at its
 * first such call (its selector thread costs nothing until then).
 */
final class HttpClientExchange implements Exchange {
    /** The methods {@code HttpURLConnection.setRequestMethod} accepts; the others go through here. */
    static final Set<String> URL_CONNECTION = Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final HttpResponse<InputStream> response;

    private HttpClientExchange(HttpResponse<InputStream> response) {
        this.response = response;
    }

    static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(timeout).build();
    }

    static Exchange send(HttpClient client, URI uri, String method, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(timeout).header("Accept", "application/json, */*").header("User-Agent", "breakwater-replay")
                .build();
        try {
            return new HttpClientExchange(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public int status() {
        return response.statusCode();
    }

    @Override
    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Override
    public long length() {
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    @Override
    public Optional<String> location() {
        return response.headers().firstValue("Location");
    }

    @Override
    public InputStream body() {
        return response.body();
    }

    @Override
    public void abandon() {
        try {
            response.body().close(); // before its end: the subscription is cancelled, the connection closed
        } catch (IOException e) {
            // closing only
        }
    }
}

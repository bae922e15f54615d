package org.breakwater.auth.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls to the OpenID provider: each has a timeout and a size limit, and each failure
 * names the call and what to check. JSON is read with Nimbus's (shaded) JSON parser.
 */
final class ProviderHttp {
    /** The longest Breakwater waits for one answer from the provider. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** No discovery document, key set or token response comes near this. */
    static final int MAX_BYTES = 1 << 20;

    /** An answer: its status and its body, read up to {@link #MAX_BYTES}. */
    record Answer(int status, String body) {
    }

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(HttpClient client) {
        this(client, TIMEOUT);
    }

    /** With another timeout, for tests of a provider that stops answering. */
    ProviderHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** The JSON object at {@code uri}; {@code what} names it in messages ("the discovery document"). */
    Map<String, Object> getObject(URI uri, String what) throws OidcException {
        return object(getText(uri, what), what + " at " + uri);
    }

    /** The body at {@code uri}, which must answer 200. */
    String getText(URI uri, String what) throws OidcException {
        Answer answer = send(request(uri).GET().build(), what);
        if (answer.status() != 200) {
            throw new OidcException("the OpenID provider answered HTTP " + answer.status() + " for " + what + " at "
                    + uri + "; check the issuer URL");
        }
        return answer.body();
    }

    /** {@code text} as a JSON object; {@code what} names it in the message if it is not one. */
    static Map<String, Object> object(String text, String what) throws OidcException {
        try {
            return JSONObjectUtils.parse(text, MAX_BYTES);
        } catch (ParseException e) {
            // without the parser's detail: the user can do nothing with it
            throw new OidcException(what + " is not a JSON object");
        }
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    /** Sends {@code request}; the whole answer, body included, must arrive within the timeout and the size limit. */
    Answer send(HttpRequest request, String what) throws OidcException {
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, info -> new LimitedBody(MAX_BYTES));
        try {
            HttpResponse<byte[]> answer = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            response.cancel(true);
            throw timedOut(request, what);
        } catch (ExecutionException e) {
            throw failed(request, what, e.getCause());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new OidcException("the login was interrupted while waiting for the OpenID provider");
        }
    }

    private OidcException timedOut(HttpRequest request, String what) {
        return new OidcException("the OpenID provider did not answer within " + timeout.toSeconds() + " s for " + what
                + " at " + request.uri() + "; check that it is up");
    }

    private OidcException failed(HttpRequest request, String what, Throwable cause) {
        if (cause instanceof LimitedBody.TooLarge) {
            return new OidcException("the OpenID provider's answer for " + what + " at " + request.uri()
                    + " is larger than " + MAX_BYTES / 1024 + " KiB; check the issuer URL");
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(request, what);
        }
        return new OidcException("cannot reach the OpenID provider for " + what + " at " + request.uri() + " ("
                + reason(cause) + "); check the issuer URL and that the provider is up");
    }

    /** The innermost cause's message: java.net.http wraps "connection refused" in messageless exceptions. */
    private static String reason(Throwable e) {
        String reason = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof ConnectException && t.getMessage() == null) {
                reason = "cannot connect";
            } else if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason;
    }
}

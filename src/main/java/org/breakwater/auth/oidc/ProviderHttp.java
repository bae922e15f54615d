package org.breakwater.auth.oidc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.breakwater.apidiff.spec.ObjectNode;

/** The calls to the OpenID provider: each has a timeout, and each failure names the call and what to check. */
final class ProviderHttp {
    /** The longest Breakwater waits for one answer from the provider. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    ProviderHttp(HttpClient client) {
        this.client = client;
    }

    /** The JSON object at {@code uri}; {@code what} names it in messages ("the discovery document"). */
    ObjectNode getObject(URI uri, String what) throws OidcException {
        HttpResponse<String> response = send(request(uri).GET().build(), what);
        if (response.statusCode() != 200) {
            throw new OidcException("the OpenID provider answered HTTP " + response.statusCode() + " for " + what + " at "
                    + uri + "; check the issuer URL");
        }
        return JsonFields.object(response.body(), what + " at " + uri);
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest request, String what) throws OidcException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new OidcException("the OpenID provider did not answer within " + TIMEOUT.toSeconds() + " s for " + what
                    + " at " + request.uri() + "; check that it is up");
        } catch (IOException e) {
            throw new OidcException("cannot reach the OpenID provider for " + what + " at " + request.uri() + " ("
                    + reason(e) + "); check the issuer URL and that the provider is up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("the login was interrupted while waiting for the OpenID provider");
        }
    }

    /** The innermost cause's message: java.net.http wraps "connection refused" in messageless exceptions. */
    private static String reason(IOException e) {
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

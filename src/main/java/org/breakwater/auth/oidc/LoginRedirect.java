package org.breakwater.auth.oidc;

import java.net.URI;
import java.util.Objects;

/**
 * The first step of a login: send the browser to {@code authorizationUri} and keep
 * {@code pending} until it comes back.
 */
public record LoginRedirect(URI authorizationUri, PendingLogin pending) {
    public LoginRedirect {
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(pending, "pending");
    }
}

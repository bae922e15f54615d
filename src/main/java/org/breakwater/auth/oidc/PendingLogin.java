package org.breakwater.auth.oidc;

/**
 * What the browser must bring back from the OpenID provider for a login to be finished: the
 * secrets made by {@link OidcClient#begin()}. Keep them where only this browser can hand them
 * back (a short-lived, HttpOnly, SameSite=Lax cookie or a server-side session) and pass them
 * to {@link OidcClient#finish}; use them once. When they are missing, ask the user to log in
 * again rather than making one of empty values, which is refused.
 *
 * @param state        sent to the provider and expected back on the redirect (CSRF protection)
 * @param nonce        sent to the provider and expected inside the ID token (replay protection)
 * @param codeVerifier the PKCE secret whose S256 challenge was sent with the request
 */
public record PendingLogin(String state, String nonce, String codeVerifier) {
    public PendingLogin {
        if (state == null || state.isBlank() || nonce == null || nonce.isBlank() || codeVerifier == null
                || codeVerifier.isBlank()) {
            throw new IllegalArgumentException("a pending login needs its state, nonce and code verifier");
        }
    }
}

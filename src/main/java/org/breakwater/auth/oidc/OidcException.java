package org.breakwater.auth.oidc;

/**
 * A login through the OpenID provider failed. The message is one line meant for the person
 * logging in or the administrator who configured the provider: it says what went wrong and,
 * where there is one, what to do; it never carries a stack trace or a secret.
 */
public final class OidcException extends Exception {
    private static final long serialVersionUID = 1L;

    public OidcException(String message) {
        super(message);
    }
}

package org.breakwater.web;

import java.util.Optional;
import org.breakwater.auth.oidc.OidcSettings;

/**
 * How the server treats its visitors.
 *
 * @param loginRequiredToRead pages and API reads need a login (or a token); otherwise reading is open
 * @param secureCookies       mark cookies Secure: set this when the server is reached over HTTPS
 * @param loginHint           a line shown on the login page (the demo names its accounts there)
 * @param oidc                log in through this OpenID provider as well as with local accounts
 */
public record WebSettings(boolean loginRequiredToRead, boolean secureCookies, Optional<String> loginHint,
                          Optional<OidcSettings> oidc) {
    public WebSettings(boolean loginRequiredToRead, boolean secureCookies, Optional<String> loginHint) {
        this(loginRequiredToRead, secureCookies, loginHint, Optional.empty());
    }

    /** Reading open, cookies for plain HTTP on loopback, no hint, local accounts only. */
    public static WebSettings defaults() {
        return new WebSettings(false, false, Optional.empty());
    }
}

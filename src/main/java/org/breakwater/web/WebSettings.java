package org.breakwater.web;

import java.util.Optional;

/**
 * How the server treats its visitors.
 *
 * @param loginRequiredToRead pages and API reads need a login (or a token); otherwise reading is open
 * @param secureCookies       mark cookies Secure: set this when the server is reached over HTTPS
 * @param loginHint           a line shown on the login page (the demo names its accounts there)
 */
public record WebSettings(boolean loginRequiredToRead, boolean secureCookies, Optional<String> loginHint) {
    /** Reading open, cookies for plain HTTP on loopback, no hint. */
    public static WebSettings defaults() {
        return new WebSettings(false, false, Optional.empty());
    }
}

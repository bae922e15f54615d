package org.breakwater.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A local account: who may log in to the web pages with a password, as which principal.
 * {@code passwordHash} is empty for an account that only logs in through OpenID Connect.
 */
public record Account(Principal principal, Optional<String> passwordHash, Instant createdAt,
                      Optional<Instant> disabledAt) {
    public String username() {
        return principal.username();
    }

    public boolean active() {
        return disabledAt.isEmpty();
    }
}

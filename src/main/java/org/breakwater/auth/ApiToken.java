package org.breakwater.auth;

import java.time.Instant;
import java.util.Optional;

/** A stored API token: never the token itself, only its hash. */
public record ApiToken(long id, String name, Principal principal, Instant createdAt, Optional<Instant> revokedAt) {
    public boolean active() {
        return revokedAt.isEmpty();
    }
}

package org.breakwater.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored feed token: lets a calendar or feed reader read the .ics and Atom feeds as
 * {@code username} when reading needs a login, and nothing else. Only its hash is stored.
 */
public record FeedToken(long id, String username, Instant createdAt, Optional<Instant> revokedAt) {
    public boolean active() {
        return revokedAt.isEmpty();
    }
}

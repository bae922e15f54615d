package org.breakwater.auth;

import java.time.Instant;

/**
 * A logged-in browser. The cookie holds a random secret; the store keeps only its SHA-256.
 * {@code csrf} is the token every form of this session must carry back.
 */
public record Session(Principal principal, String csrf, Instant createdAt, Instant expiresAt) {
}

package org.breakwater.auth;

import java.time.Instant;
import java.util.Optional;

/** Who changed what, and when. */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, Optional<String> detail) {
}

package org.breakwater.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tokens and the audit log. Implementation: {@code JdbiAccessRepository}. */
public interface AccessRepository {
    ApiToken createToken(String name, Principal principal, String hash, Instant at);

    Optional<ApiToken> tokenByHash(String hash);

    List<ApiToken> tokens();

    boolean revoke(long id, Instant at);

    void audit(Instant at, String actor, String action, String subject, Optional<String> detail);

    List<AuditEntry> audit(Optional<String> subject, int limit);
}

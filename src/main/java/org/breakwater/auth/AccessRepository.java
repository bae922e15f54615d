package org.breakwater.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tokens, local accounts, web sessions and the audit log. Implementation: {@code JdbiAccessRepository}. */
public interface AccessRepository {
    ApiToken createToken(String name, Principal principal, String hash, Instant at);

    Optional<ApiToken> tokenByHash(String hash);

    List<ApiToken> tokens();

    boolean revoke(long id, Instant at);

    void audit(Instant at, String actor, String action, String subject, Optional<String> detail);

    List<AuditEntry> audit(Optional<String> subject, int limit);

    /** Inserts or replaces the account (its password hash only when {@code passwordHash} is present). */
    void saveAccount(Principal principal, Optional<String> passwordHash, Instant at);

    Optional<Account> account(String username);

    List<Account> accounts();

    boolean setPassword(String username, String passwordHash);

    boolean disable(String username, Instant at);

    void createSession(String hash, Session session);

    Optional<Session> session(String hash);

    void deleteSession(String hash);

    /** Ends every session of {@code username}; returns how many. */
    int deleteSessions(String username);

    void deleteSessionsExpiredBefore(Instant at);

    FeedToken createFeedToken(String username, String hash, Instant at);

    Optional<FeedToken> feedTokenByHash(String hash);

    List<FeedToken> feedTokens();

    boolean revokeFeedToken(long id, Instant at);
}

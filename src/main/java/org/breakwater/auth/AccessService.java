package org.breakwater.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for pipelines and people, and the audit log. A token is 32 random bytes, shown
 * once when made and stored only as its SHA-256 (a token has full entropy, so a fast hash is
 * safe; passwords, which do not, will get a slow KDF). Revoked tokens stop working at once.
 */
public final class AccessService {
    static final String PREFIX = "bw_";

    private final AccessRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccessService(AccessRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new token and, once only, its secret. */
    public record Issued(ApiToken token, String secret) {
    }

    public Issued issue(String name, Principal principal) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = repository.createToken(name, principal, hash(secret), clock.instant());
        repository.audit(clock.instant(), principal.username(), "token-created", "token/" + token.id(),
                Optional.of(name + " (" + principal.role().id() + principal.team().map(t -> " of " + t).orElse("") + ")"));
        return new Issued(token, secret);
    }

    /** The principal a presented token stands for, if it is known and not revoked. */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return repository.tokenByHash(hash(secret)).filter(ApiToken::active).map(ApiToken::principal);
    }

    public List<ApiToken> tokens() {
        return repository.tokens();
    }

    public boolean revoke(long id, String by) {
        boolean done = repository.revoke(id, clock.instant());
        if (done) {
            repository.audit(clock.instant(), by, "token-revoked", "token/" + id, Optional.empty());
        }
        return done;
    }

    public void audit(String actor, String action, String subject, Optional<String> detail) {
        repository.audit(clock.instant(), actor, action, subject, detail);
    }

    public List<AuditEntry> auditLog(Optional<String> subject, int limit) {
        return repository.audit(subject, limit);
    }

    static String hash(String secret) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}

package org.breakwater.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.Outcome;

/**
 * API tokens, local accounts, web sessions and the audit log. A token is 32 random bytes,
 * shown once when made and stored only as its SHA-256 (a token has full entropy, so a fast
 * hash is safe); revoked tokens stop working at once. Passwords, which lack that entropy, are
 * kept as slow PBKDF2 hashes ({@link PasswordHasher}); login attempts are throttled per account
 * and address, per account and per address, in the store ({@link LoginThrottle}). A web session is a random secret in a cookie, stored
 * as its SHA-256 with the principal it stands for and its CSRF token; it lasts
 * {@link #SESSION_LENGTH}, ends at logout, and every session of a user ends when the account
 * is disabled or its role changes.
 */
public final class AccessService {
    static final String PREFIX = "bw_";
    static final String FEED_PREFIX = "bwf_";
    /** How long a login lasts. */
    public static final Duration SESSION_LENGTH = Duration.ofHours(12);
    /** The shortest password accepted for a local account (NIST SP 800-63B asks for at least 8). */
    public static final int MIN_PASSWORD = 10;

    private final AccessRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public AccessService(AccessRepository repository, LoginAttempts attempts, Clock clock) {
        this(repository, clock, PasswordHasher.standard(), LoginThrottle.standard(attempts, clock));
    }

    public AccessService(AccessRepository repository, Clock clock, PasswordHasher hasher, LoginThrottle throttle) {
        this.repository = repository;
        this.clock = clock;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** A new token and, once only, its secret. */
    public record Issued(ApiToken token, String secret) {
    }

    public Issued issue(String name, Principal principal) {
        String secret = PREFIX + randomText(32);
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
        return audited(repository.revoke(id, clock.instant()), by, "token-revoked", "token/" + id);
    }

    /** Records {@code action} in the audit log when it was {@code done}; returns {@code done}. */
    private boolean audited(boolean done, String by, String action, String subject) {
        if (done) {
            repository.audit(clock.instant(), by, action, subject, Optional.empty());
        }
        return done;
    }

    /** A feed token for {@code username} and, once only, its secret (for {@code ?token=} in a feed's URL). */
    public record IssuedFeedToken(FeedToken token, String secret) {
    }

    public Outcome<IssuedFeedToken> issueFeedToken(String username, String by) {
        Optional<Account> account = repository.account(username);
        if (account.isEmpty() || !account.get().active()) {
            return Outcome.refused("no active account '" + username + "'");
        }
        String secret = FEED_PREFIX + randomText(32);
        FeedToken token = repository.createFeedToken(username, hash(secret), clock.instant());
        repository.audit(clock.instant(), by, "feed-token-created", "feed-token/" + token.id(), Optional.of(username));
        return Outcome.done(new IssuedFeedToken(token, secret));
    }

    /** Whose feed token this is, if it is known, not revoked, and its account still active: it opens the feeds only. */
    public Optional<String> feedReader(String secret) {
        if (secret == null || !secret.startsWith(FEED_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return repository.feedTokenByHash(hash(secret)).filter(FeedToken::active).map(FeedToken::username)
                .filter(u -> repository.account(u).filter(Account::active).isPresent());
    }

    public List<FeedToken> feedTokens() {
        return repository.feedTokens();
    }

    public boolean revokeFeedToken(long id, String by) {
        return audited(repository.revokeFeedToken(id, clock.instant()), by, "feed-token-revoked", "feed-token/" + id);
    }

    public void audit(String actor, String action, String subject, Optional<String> detail) {
        repository.audit(clock.instant(), actor, action, subject, detail);
    }

    public List<AuditEntry> auditLog(Optional<String> subject, int limit) {
        return repository.audit(subject, limit);
    }

    /**
     * Makes or changes a local account. A new password (when given) must be at least
     * {@link #MIN_PASSWORD} characters and not the user name; changing the role or team ends the
     * user's sessions, so the new rights apply at the next login.
     */
    public Outcome<Account> saveAccount(Principal principal, Optional<String> password, String by) {
        if (!principal.username().matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")) {
            return Outcome.refused("a user name is letters, digits and . _ @ - (at most 100), not '"
                    + principal.username() + "'");
        }
        if (principal.role() == Role.SERVICE_OWNER && principal.team().isEmpty()) {
            return Outcome.refused("a service owner needs a team");
        }
        Optional<String> problem = password.flatMap(p -> weak(principal.username(), p));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Optional<Account> before = repository.account(principal.username());
        repository.saveAccount(principal, password.map(hasher::hash), clock.instant());
        if (before.isPresent() && !before.get().principal().equals(principal)) {
            repository.deleteSessions(principal.username());
        }
        repository.audit(clock.instant(), by, before.isPresent() ? "account-changed" : "account-created",
                "account/" + principal.username(), Optional.of(principal.role().id()
                        + principal.team().map(t -> " of " + t).orElse("")));
        return Outcome.done(repository.account(principal.username()).orElseThrow());
    }

    public Outcome<Account> setPassword(String username, String password, String by) {
        if (repository.account(username).isEmpty()) {
            return Outcome.refused("no account '" + username + "'");
        }
        Optional<String> problem = weak(username, password);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        repository.setPassword(username, hasher.hash(password));
        repository.deleteSessions(username);
        repository.audit(clock.instant(), by, "password-changed", "account/" + username, Optional.empty());
        return Outcome.done(repository.account(username).orElseThrow());
    }

    /** Disables an account and ends its sessions at once. */
    public Outcome<Account> disable(String username, String by) {
        Optional<Account> account = repository.account(username);
        if (account.isEmpty()) {
            return Outcome.refused("no account '" + username + "'");
        }
        if (repository.disable(username, clock.instant())) {
            repository.audit(clock.instant(), by, "account-disabled", "account/" + username, Optional.empty());
        }
        repository.deleteSessions(username);
        return Outcome.done(repository.account(username).orElseThrow());
    }

    public Optional<Account> account(String username) {
        return repository.account(username);
    }

    public List<Account> accounts() {
        return repository.accounts();
    }

    private static Optional<String> weak(String username, String password) {
        if (password.length() < MIN_PASSWORD) {
            return Optional.of("a password needs at least " + MIN_PASSWORD + " characters");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("a password cannot be the user name");
        }
        return Optional.empty();
    }

    /** What a login attempt comes to. */
    public sealed interface Login permits LoggedIn, Refused, Throttled {
    }

    /** Logged in: {@code secret} goes into the session cookie and nowhere else. */
    public record LoggedIn(Session session, String secret) implements Login {
    }

    /** Wrong user name or password, or a disabled account — deliberately not told apart. */
    public record Refused(String reason) implements Login {
    }

    /** Too many failures lately: try again after {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements Login {
    }

    /**
     * Checks a password; {@code address} is the client's, for throttling. The attempt is counted
     * before the (slow) check, so simultaneous guesses cannot get past the limit.
     */
    public Login login(String username, String password, String address) {
        Optional<Duration> wait = throttle.reserve(username, address);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        Optional<Account> account = repository.account(username).filter(Account::active)
                .filter(a -> a.passwordHash().isPresent());
        boolean ok;
        if (account.isPresent()) {
            ok = hasher.verify(password, account.get().passwordHash().get());
        } else {
            hasher.burn(password);
            ok = false;
        }
        if (!ok) {
            repository.audit(clock.instant(), username, "login-failed", "account/" + username,
                    Optional.of("from " + address));
            return new Refused("wrong user name or password");
        }
        throttle.succeeded(username, address);
        if (hasher.outdated(account.get().passwordHash().get())) {
            repository.setPassword(username, hasher.hash(password));
        }
        return startSession(account.get().principal(), "login", "from " + address);
    }

    /** A session for a principal someone else vouched for (OpenID Connect). */
    public LoggedIn startSession(Principal principal, String how, String detail) {
        Instant now = clock.instant();
        repository.deleteSessionsExpiredBefore(now);
        String secret = randomText(32);
        Session session = new Session(principal, randomText(24), now, now.plus(SESSION_LENGTH));
        repository.createSession(hash(secret), session);
        repository.audit(now, principal.username(), how, "account/" + principal.username(), Optional.of(detail));
        return new LoggedIn(session, secret);
    }

    /** The live session a cookie's secret stands for. */
    public Optional<Session> session(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        return repository.session(hash(secret)).filter(s -> s.expiresAt().isAfter(clock.instant()));
    }

    public void logout(String secret) {
        if (secret != null && !secret.isEmpty()) {
            repository.session(hash(secret)).ifPresent(s -> repository.audit(clock.instant(), s.principal().username(),
                    "logout", "account/" + s.principal().username(), Optional.empty()));
            repository.deleteSession(hash(secret));
        }
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
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

package org.breakwater.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing without letting anyone lock an account's owner out
 * (docs/decisions/0004-login-throttling.md). Three counters, kept in the store so several
 * servers count together:
 * <ul>
 *   <li>per account and address: {@code pair.free} attempts, then waits that double after
 *       each further attempt;</li>
 *   <li>per account, from addresses it has not logged in from before (softer: more free
 *       attempts) — guessing from many addresses slows down, while the owner at an address
 *       that logged in before is not held up;</li>
 *   <li>per address, for accounts it has not logged in to before — one address guessing many
 *       names slows down.</li>
 * </ul>
 * An attempt is reserved, atomically, before its password is checked, and counts as a failure
 * unless it succeeds: simultaneous requests cannot slip past a limit while the slow hash runs.
 * A success clears the account-and-address counter and remembers the address. A counter
 * forgets a run after {@link #FORGET} without attempts.
 */
public final class LoginThrottle {
    /** A run of attempts ends after this long without one. */
    public static final Duration FORGET = Duration.ofHours(24);
    /** How long an address an account logged in from counts as known. */
    public static final Duration KNOWN_FOR = Duration.ofDays(90);
    private static final int ROUNDS = 10_000;

    /** One counter's rule: {@code free} attempts, then a wait of {@code firstWait}, doubling to at most {@code longestWait}. */
    public record Limit(int free, Duration firstWait, Duration longestWait) {
        public Limit {
            if (free < 1 || firstWait.isNegative() || firstWait.isZero() || longestWait.compareTo(firstWait) < 0) {
                throw new IllegalArgumentException("a limit lets at least one attempt through and then waits");
            }
        }

        /** Until when a counter standing at {@code attempts}, the last at {@code lastAt}, holds the next one back. */
        Instant blockedUntil(int attempts, Instant lastAt) {
            if (attempts < free) {
                return Instant.MIN;
            }
            int doublings = Math.min(attempts - free, 30);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return lastAt.plus(wait.compareTo(longestWait) > 0 ? longestWait : wait);
        }
    }

    private final LoginAttempts store;
    private final Limit pairLimit;
    private final Limit accountLimit;
    private final Limit addressLimit;
    private final Clock clock;

    public LoginThrottle(LoginAttempts store, Limit pair, Limit account, Limit address, Clock clock) {
        this.store = store;
        this.pairLimit = pair;
        this.accountLimit = account;
        this.addressLimit = address;
        this.clock = clock;
    }

    /**
     * Per account and address 5 free attempts, per account (unknown addresses) 10, per address
     * (unknown accounts) 30; then waits from one minute, doubling, up to an hour.
     */
    public static LoginThrottle standard(LoginAttempts store, Clock clock) {
        Duration first = Duration.ofMinutes(1);
        Duration longest = Duration.ofHours(1);
        return new LoginThrottle(store, new Limit(5, first, longest), new Limit(10, first, longest),
                new Limit(30, first, longest), clock);
    }

    /**
     * Reserves an attempt for {@code username} from {@code address}: empty when it may go ahead
     * (and now counts), or how long to wait (and nothing was counted).
     */
    public Optional<Duration> reserve(String username, String address) {
        Instant now = clock.instant();
        String user = username.toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>(List.of(pairKey(user, address)));
        List<Limit> limits = new ArrayList<>(List.of(pairLimit));
        if (!store.known(user, address, now.minus(KNOWN_FOR))) {
            keys.addAll(List.of("account:" + user, "address:" + address));
            limits.addAll(List.of(accountLimit, addressLimit));
        }
        for (int i = 0; i < keys.size(); i++) {
            Optional<Duration> wait = take(keys.get(i), limits.get(i), now);
            if (wait.isPresent()) {
                keys.subList(0, i).forEach(this::giveBack);
                return wait;
            }
        }
        return Optional.empty();
    }

    /**
     * The reserved attempt succeeded: the account-and-address run ends, the attempt no longer
     * counts against the account or the address, and the address is known from now on.
     */
    public void succeeded(String username, String address) {
        Instant now = clock.instant();
        String user = username.toLowerCase(Locale.ROOT);
        store.clear(pairKey(user, address));
        if (!store.known(user, address, now.minus(KNOWN_FOR))) {
            giveBack("account:" + user);
            giveBack("address:" + address);
        }
        store.remember(user, address, now);
        store.forget(now.minus(FORGET), now.minus(KNOWN_FOR));
    }

    private static String pairKey(String user, String address) {
        return "pair:" + user + " " + address;
    }

    /** Counts one attempt unless the counter holds it back; compare-and-set, retried when another request won. */
    private Optional<Duration> take(String key, Limit limit, Instant now) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<LoginAttempts.Counter> stored = store.counter(key);
            if (stored.isEmpty()) {
                if (store.start(key, new LoginAttempts.Counter(1, now))) {
                    return Optional.empty();
                }
                continue;
            }
            LoginAttempts.Counter c = stored.get();
            int attempts = c.lastAt().plus(FORGET).isAfter(now) ? c.attempts() : 0;
            Instant until = limit.blockedUntil(attempts, c.lastAt());
            if (until.isAfter(now)) {
                return Optional.of(Duration.between(now, until));
            }
            if (store.replace(key, c, new LoginAttempts.Counter(attempts + 1, now))) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("the login counter " + key + " kept changing: " + ROUNDS + " tries");
    }

    /** Takes back an attempt another counter refused (its password was never checked). */
    private void giveBack(String key) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<LoginAttempts.Counter> c = store.counter(key);
            if (c.isEmpty() || c.get().attempts() == 0) {
                return;
            }
            if (store.replace(key, c.get(), new LoginAttempts.Counter(c.get().attempts() - 1, c.get().lastAt()))) {
                return;
            }
        }
    }
}

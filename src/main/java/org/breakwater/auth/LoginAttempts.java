package org.breakwater.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link LoginThrottle} keeps its counters and the addresses accounts logged in from: in
 * the store, so several servers on one database count together. Implementation:
 * {@code JdbiLoginAttempts}. Counters change by compare-and-set, so concurrent logins can
 * never both take the last free attempt.
 */
public interface LoginAttempts {
    /** The attempts of a counter's current run and when the last one came. */
    record Counter(int attempts, Instant lastAt) {
    }

    Optional<Counter> counter(String key);

    /** Starts a counter; false when one exists already (then read it and replace it). */
    boolean start(String key, Counter counter);

    /** Replaces the counter only if it still is {@code expected}; false when someone changed it first. */
    boolean replace(String key, Counter expected, Counter next);

    void clear(String key);

    /** Forgets counters whose last attempt came before {@code at}, and addresses last used before {@code addressesAt}. */
    void forget(Instant at, Instant addressesAt);

    /** Has {@code username} logged in from {@code address} at or after {@code since}? */
    boolean known(String username, String address, Instant since);

    void remember(String username, String address, Instant at);
}

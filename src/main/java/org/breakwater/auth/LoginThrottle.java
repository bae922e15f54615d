package org.breakwater.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code userLimit} failed logins within {@code window} for one
 * user name, or {@code addressLimit} from one address, further attempts are refused until the
 * oldest failure leaves the window. The address limit is the higher one, as many people may
 * share an address (a proxy, an office). Kept in memory (a restart forgets it; several servers each count their
 * own), bounded by evicting keys whose failures have all expired.
 */
public final class LoginThrottle {
    private static final int MAX_KEYS = 100_000;
    private final int userLimit;
    private final int addressLimit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int userLimit, int addressLimit, Duration window, Clock clock) {
        this.userLimit = userLimit;
        this.addressLimit = addressLimit;
        this.window = window;
        this.clock = clock;
    }

    /** Five failures in fifteen minutes per user name, twenty per address. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(5, 20, Duration.ofMinutes(15), clock);
    }

    /** How long {@code username} from {@code address} must wait before trying again, if at all. */
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> a = waitFor("user:" + username.toLowerCase(java.util.Locale.ROOT), userLimit, now);
        Optional<Duration> b = waitFor("addr:" + address, addressLimit, now);
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().compareTo(b.get()) > 0 ? a.get() : b.get());
        }
        return a.or(() -> b);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        add("user:" + username.toLowerCase(java.util.Locale.ROOT), userLimit, now);
        add("addr:" + address, addressLimit, now);
    }

    /** A successful login clears the user's count (not the address's: one address may guess many names). */
    public void succeeded(String username) {
        failures.remove("user:" + username.toLowerCase(java.util.Locale.ROOT));
    }

    private void add(String key, int limit, Instant now) {
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q, now);
            q.addLast(now);
            while (q.size() > limit) {
                q.removeFirst();
            }
        }
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            prune(q, now);
            if (q.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, q.peekFirst().plus(window)));
        }
    }

    private void prune(Deque<Instant> q, Instant now) {
        while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) {
            q.removeFirst();
        }
    }

    private boolean expired(Deque<Instant> q, Instant now) {
        synchronized (q) {
            prune(q, now);
            return q.isEmpty();
        }
    }
}

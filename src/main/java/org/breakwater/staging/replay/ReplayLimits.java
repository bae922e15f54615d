package org.breakwater.staging.replay;

import java.time.Duration;
import java.util.Set;

/**
 * The bounds of one replay: calls in flight at once, calls started per second, each request's
 * time limit, the total number of calls, the body size kept (a longer body is cut and compared
 * only as cut), and the operations besides GET and HEAD that an explicit allow rule permits
 * ({@code POST /search}).
 */
public record ReplayLimits(int concurrency, double ratePerSecond, Duration timeout, int maxCalls, int maxBodyBytes,
                           Set<String> allowed) {
    public static final int BODY_LIMIT = 10 * 1024 * 1024;
    public static final Set<String> SAFE = Set.of("GET", "HEAD");

    public ReplayLimits {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be 1 to 64, not " + concurrency);
        }
        if (!(ratePerSecond > 0) || ratePerSecond > 100_000) {
            throw new IllegalArgumentException("the rate must be above 0 and at most 100000 calls per second");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the timeout must be above 0 and at most 5 minutes");
        }
        if (maxCalls < 1 || maxCalls > 1_000_000) {
            throw new IllegalArgumentException("the total cap must be 1 to 1000000 calls, not " + maxCalls);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > BODY_LIMIT) {
            throw new IllegalArgumentException("the body limit must be 1 to " + BODY_LIMIT + " bytes");
        }
        allowed = Set.copyOf(allowed);
    }

    public static ReplayLimits defaults() {
        return new ReplayLimits(4, 20, Duration.ofSeconds(10), 2_000, BODY_LIMIT, Set.of());
    }

    /** Whether a call of {@code method} to {@code operation} may be replayed. */
    public boolean permits(String method, String operation) {
        return SAFE.contains(method) || allowed.contains(operation);
    }

    public ReplayLimits withRate(double rate) {
        return new ReplayLimits(concurrency, rate, timeout, maxCalls, maxBodyBytes, allowed);
    }

    public ReplayLimits withCalls(int calls) {
        return new ReplayLimits(concurrency, ratePerSecond, timeout, calls, maxBodyBytes, allowed);
    }

    public ReplayLimits withConcurrency(int n) {
        return new ReplayLimits(n, ratePerSecond, timeout, maxCalls, maxBodyBytes, allowed);
    }

    public ReplayLimits withTimeout(Duration t) {
        return new ReplayLimits(concurrency, ratePerSecond, t, maxCalls, maxBodyBytes, allowed);
    }

    public ReplayLimits withBody(int bytes) {
        return new ReplayLimits(concurrency, ratePerSecond, timeout, maxCalls, bytes, allowed);
    }

    public ReplayLimits withAllowed(Set<String> operations) {
        return new ReplayLimits(concurrency, ratePerSecond, timeout, maxCalls, maxBodyBytes, operations);
    }
}

package org.breakwater.deployday.measures;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Mean and maximum of some durations; empty when there were none. */
public record Spread(int count, Optional<Duration> mean, Optional<Duration> max) {
    public static Spread of(List<Duration> values) {
        if (values.isEmpty()) {
            return new Spread(0, Optional.empty(), Optional.empty());
        }
        long total = values.stream().mapToLong(Duration::toSeconds).sum();
        return new Spread(values.size(), Optional.of(Duration.ofSeconds(total / values.size())),
                values.stream().max(Duration::compareTo));
    }

    /** The median, for the four keys (one very long restore does not hide the usual). */
    static Optional<Duration> median(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }
}

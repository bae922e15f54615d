package org.breakwater.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A planned deployment: one or more service releases shipped together (pkgdb2 went out with
 * an account-system update), to one environment, from {@code start} (UTC) for {@code duration}.
 */
public record Plan(long id, String title, List<PlannedRelease> releases, String environment, Instant start,
                   Duration duration, String owner, Optional<String> ticket, PlanStatus status, Instant createdAt) {
    public Plan {
        releases = List.copyOf(releases);
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("a plan ships at least one release");
        }
    }

    public Instant end() {
        return start.plus(duration);
    }

    public Plan withStatus(PlanStatus newStatus) {
        return new Plan(id, title, releases, environment, start, duration, owner, ticket, newStatus, createdAt);
    }

    public Plan withStart(Instant newStart) {
        return new Plan(id, title, releases, environment, newStart, duration, owner, ticket, status, createdAt);
    }

    /** "pkgdb 2.0.0 + fas 0.8.19". */
    public String releaseLabel() {
        return String.join(" + ", releases.stream().map(r -> r.service() + " " + r.version()).toList());
    }
}

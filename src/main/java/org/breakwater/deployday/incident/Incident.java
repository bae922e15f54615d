package org.breakwater.deployday.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored incident: what broke (service, consumer, operation, plan), how bad, who opened it and
 * when it was detected, recorded, acknowledged and resolved, who it is assigned to, and the
 * incident it was merged into (a duplicate), and when the consumer's first failing call came, if known.
 */
public record Incident(long id, Optional<String> key, String title, Severity severity, IncidentStatus status,
                       String service, Optional<String> consumer, Optional<String> operation, Optional<Long> planId,
                       List<String> links, Optional<String> detail, String openedBy, Instant detectedAt,
                       Instant recordedAt, Optional<String> assignee, Optional<Instant> acknowledgedAt,
                       Optional<String> acknowledgedBy, Optional<Instant> resolvedAt, Optional<String> resolvedBy,
                       Optional<Long> mergedInto, Optional<Instant> firstFailingAt) {
    public Incident {
        links = List.copyOf(links);
    }

    /** From the first failing call to detection, when the first failing call is known (docs/deployment-day.md). */
    public Optional<Duration> timeToDetect() {
        return firstFailingAt.map(f -> Duration.between(f, detectedAt));
    }

    /** From detection to acknowledgement, when acknowledged. */
    public Optional<Duration> timeToAcknowledge() {
        return acknowledgedAt.map(a -> Duration.between(detectedAt, a));
    }

    /** From detection to resolution, when resolved. */
    public Optional<Duration> timeToRepair() {
        return resolvedAt.map(r -> Duration.between(detectedAt, r));
    }
}

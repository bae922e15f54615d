package org.breakwater.deployday.measures;

import java.time.Duration;
import java.util.Optional;

/**
 * DORA's four keys for one service, one team or everything, over a window (docs/deployment-day.md
 * defines each): production deployments and their rate per week, median lead time from staging to
 * production, the share of production deployments that failed, median time to restore.
 */
public record FourKeys(String group, int deployments, double perWeek, Optional<Duration> leadTime, int withLeadTime,
                       int failures, Optional<Double> changeFailureRate, Optional<Duration> timeToRestore) {
}

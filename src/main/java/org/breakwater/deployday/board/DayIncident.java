package org.breakwater.deployday.board;

import java.time.Instant;
import java.util.Optional;

/**
 * An incident of a plan as the board, the measures and the post-mortem read it.
 *
 * @param detectedAt  when it was detected (or opened by hand)
 * @param startedAt   when the failing started, if known (the first failing call); else time to detect is
 *                    counted from the cut-over
 */
public record DayIncident(long id, String title, String severity, Optional<String> consumer,
                          Optional<String> operation, Optional<Instant> startedAt, Instant detectedAt,
                          Optional<Instant> acknowledgedAt, Optional<Instant> resolvedAt) {
}

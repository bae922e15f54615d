package org.breakwater.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the newest replay of a plan's sampled production calls found, for the
 * {@code staging-replay} gate: when, against which versions, how many calls, and the
 * differences nobody has explained yet (noise and acknowledged ones left out).
 */
public record ReplayCheck(Instant at, List<String> versions, long calls, List<String> unexplained) {
    public ReplayCheck {
        versions = List.copyOf(versions);
        unexplained = List.copyOf(unexplained);
    }

    /** Where the gate reads replays from ({@code staging.replay.ReplayService}); none by default. */
    public interface Source {
        Source NONE = plan -> Optional.empty();

        Optional<ReplayCheck> latest(long plan);
    }
}

package org.breakwater.staging.replay;

import java.time.Instant;
import java.util.List;

/**
 * One replay of a plan's sampled production calls, as stored: where the calls went, the versions
 * the candidate environment ran then, the counts, and the differences found (noise marked).
 */
public record ReplayRun(long id, long plan, Instant started, Instant finished, String candidate, List<String> baselines,
                        List<String> versions, long calls, long differing, long unanswered, boolean capped,
                        List<String> skipped, List<DifferenceGroup> groups) {
    public ReplayRun {
        baselines = List.copyOf(baselines);
        versions = List.copyOf(versions);
        skipped = List.copyOf(skipped);
        groups = List.copyOf(groups);
    }

    /** The differences that are not noise. */
    public List<DifferenceGroup> real() {
        return groups.stream().filter(g -> !g.noise()).toList();
    }

    /** A person's word on a difference: expected, or fixed elsewhere. */
    public record Acknowledgement(long plan, String key, String by, Instant at, String note) {
    }
}

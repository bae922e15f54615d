package org.breakwater.staging.replay;

import java.time.Instant;
import java.util.List;

/**
 * One replay of a plan's sampled production calls, as stored: where the calls went, the versions
 * the candidate environment ran then, the counts, the differences found (noise marked), and the
 * operations whose calls the candidate answered ({@code exercised}: coverage).
 */
public record ReplayRun(long id, long plan, Instant started, Instant finished, String candidate, List<String> baselines,
                        List<String> versions, long calls, long differing, long unanswered, boolean capped,
                        List<String> skipped, List<DifferenceGroup> groups, List<Exercised> exercised) {
    public ReplayRun {
        baselines = List.copyOf(baselines);
        versions = List.copyOf(versions);
        skipped = List.copyOf(skipped);
        groups = List.copyOf(groups);
        exercised = List.copyOf(exercised);
    }

    /** A run without the operations it exercised (they are read apart: coverage). */
    public ReplayRun(long id, long plan, Instant started, Instant finished, String candidate, List<String> baselines,
                     List<String> versions, long calls, long differing, long unanswered, boolean capped,
                     List<String> skipped, List<DifferenceGroup> groups) {
        this(id, plan, started, finished, candidate, baselines, versions, calls, differing, unanswered, capped, skipped,
                groups, List.of());
    }

    /**
     * An operation of a service whose sampled calls the candidate answered in this run (any
     * status; a call that got no answer does not count): coverage counts it as exercised.
     */
    public record Exercised(String service, String operation, long calls) {
    }

    /** The differences that are not noise. */
    public List<DifferenceGroup> real() {
        return groups.stream().filter(g -> !g.noise()).toList();
    }

    /** A person's word on a difference: expected, or fixed elsewhere. */
    public record Acknowledgement(long plan, String key, String by, Instant at, String note) {
    }
}

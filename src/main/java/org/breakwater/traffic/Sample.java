package org.breakwater.traffic;

import java.time.Instant;
import java.util.List;

/**
 * A bounded reservoir sample of the concrete request targets (path and query, dropped query
 * parameters removed) that one caller sent to one operation of a service in an environment:
 * at most {@link TargetSamples#PER_KEY} targets, each of the {@code seen} calls equally likely
 * to be among them. {@code lastSeen} is the newest sampled call (retention prunes by it).
 */
public record Sample(String service, String environment, String caller, boolean known, String operation,
                     List<String> targets, long seen, Instant lastSeen) {
    public Sample {
        targets = List.copyOf(targets);
        if (seen < targets.size()) {
            throw new IllegalArgumentException("a sample of " + targets.size() + " targets out of " + seen + " calls");
        }
    }

    /** The method of the operation key ({@code GET /acls/{name}} gives {@code GET}). */
    public String method() {
        int space = operation.indexOf(' ');
        return space < 0 ? operation : operation.substring(0, space);
    }
}

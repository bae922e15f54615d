package org.breakwater.apidiff.compare;

/**
 * Bounds on one comparison, so that no pair of descriptions can make it run or grow without
 * end: however the descriptions multiply through YAML aliases and shared {@code $ref}s.
 *
 * @param maxSteps    the most steps (a schema pair compared, a property visited, a change
 *                    carried to one more place, a finding made) before the comparison stops
 *                    with a {@code comparison-incomplete} finding
 * @param maxFindings the most findings a report lists; past it the most severe are kept and
 *                    the rest only counted
 */
public record CompareLimits(long maxSteps, int maxFindings) {
    /** A thousand times what the 1.9 MB Twilio pair takes (9,095 steps); a few seconds' work. */
    public static final long DEFAULT_MAX_STEPS = 10_000_000L;
    public static final int DEFAULT_MAX_FINDINGS = 10_000;

    public CompareLimits {
        if (maxSteps < 1 || maxFindings < 1) {
            throw new IllegalArgumentException("comparison limits must be positive");
        }
    }

    public static CompareLimits defaults() {
        return new CompareLimits(DEFAULT_MAX_STEPS, DEFAULT_MAX_FINDINGS);
    }
}

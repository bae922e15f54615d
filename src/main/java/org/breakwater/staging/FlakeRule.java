package org.breakwater.staging;

/**
 * When a test counts as flaky: its flip rate over its last {@code window} verdicts is above
 * {@code threshold} (see {@link TestStats}). Defaults: 20 verdicts, 0.2 (more than one flip in five
 * consecutive pairs).
 */
public record FlakeRule(int window, double threshold) {
    public FlakeRule {
        if (window < 2) throw new IllegalArgumentException("a flip needs two runs: window must be >= 2, not " + window);
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1): " + threshold);
        }
    }

    public static FlakeRule defaults() {
        return new FlakeRule(20, 0.2);
    }
}

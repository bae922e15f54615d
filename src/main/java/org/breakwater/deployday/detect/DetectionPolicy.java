package org.breakwater.deployday.detect;

import java.time.Duration;

/**
 * When the detector opens a suspected incident (policy as code, docs/deployment-day.md).
 *
 * @param minCalls   calls after the cut-over before a consumer × operation is judged at all
 * @param errorRatio share of those calls answered 4xx/5xx at or past which it counts as failing
 * @param rise       how far that share must exceed the baseline's (0.5 = fifty points)
 * @param baseline   how long before the cut-over the baseline is taken
 * @param settling   how long after the plan's end detection goes on
 * @param silentAfter how long a consumer seen in the baseline may go without a call after the
 *                   cut-over, while others still call, before it is flagged silent
 */
public record DetectionPolicy(long minCalls, double errorRatio, double rise, Duration baseline, Duration settling,
                              Duration silentAfter) {
    public DetectionPolicy {
        if (minCalls < 1 || minCalls > 1_000_000) {
            throw new IllegalArgumentException("the minimum number of calls must be 1 to 1000000");
        }
        if (!(errorRatio > 0 && errorRatio <= 1) || !(rise >= 0 && rise <= 1)) {
            throw new IllegalArgumentException("the error ratio must be in (0, 1] and the rise in [0, 1]");
        }
        for (Duration d : new Duration[] {baseline, settling, silentAfter}) {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("the baseline, settling period and silence must be 1 s to 30 days");
            }
        }
    }

    /**
     * Five calls, half of them failing, thirty points above the baseline; six hours' baseline; two
     * hours' settling; silent after thirty minutes.
     */
    public static DetectionPolicy defaults() {
        return of(org.breakwater.policy.Policy.DetectionRule.DEFAULTS);
    }

    /** The thresholds the policy file's {@code detection} section sets (docs/policy.md). */
    public static DetectionPolicy of(org.breakwater.policy.Policy.DetectionRule r) {
        return new DetectionPolicy(r.minCalls(), r.errorRatio(), r.rise(), r.baseline(), r.settling(), r.silence());
    }
}

package org.breakwater.plan;

import java.time.Instant;
import java.util.List;

/**
 * Evidence for a plan's gates computed from what staging did, beside the evidence people record:
 * the staging feature's suite runs give {@code staging-green} one piece per day the suites covering
 * the plan's services were green on the candidate (org.breakwater.staging.SuiteResults).
 */
public interface StagingEvidence {
    List<Evidence> evidence(Plan plan, Instant now);

    StagingEvidence NONE = (plan, now) -> List.of();
}

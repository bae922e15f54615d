package org.breakwater.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plans, their gates' evidence and waivers. Implementation: {@code JdbiPlanRepository}. */
public interface PlanRepository {
    Plan create(Plan plan);

    Optional<Plan> plan(long id);

    /** Newest start first; {@code status} empty for all. */
    List<Plan> plans(Optional<PlanStatus> status);

    /** Open plans (draft, scheduled, in progress) that ship {@code service} {@code version} to {@code environment}. */
    List<Plan> openPlansShipping(String service, String version, String environment);

    void update(Plan plan);

    Evidence addEvidence(long planId, String gate, String evidence, String by, Instant at, Optional<String> note,
                         Optional<String> decision);

    List<Evidence> evidence(long planId);

    void waive(Waiver waiver);

    List<Waiver> waivers(long planId);
}

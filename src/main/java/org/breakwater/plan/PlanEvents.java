package org.breakwater.plan;

/**
 * Hears what happens to plans, for other tools: the bus events (announce.bus records them in
 * the outbox). Called after each change is stored.
 */
public interface PlanEvents {
    /** Nobody listens. */
    PlanEvents NONE = (event, plan) -> { };

    /**
     * {@code event} is one of {@code deployment.planned}, {@code deployment.scheduled},
     * {@code deployment.rescheduled}, {@code deployment.started}, {@code deployment.done},
     * {@code deployment.cancelled}, {@code deployment.rolled-back}, {@code deployment.drafted}.
     */
    void happened(String event, Plan plan);

    /** The event a plan's move to {@code status} makes. */
    static String of(PlanStatus status) {
        return switch (status) {
            case DRAFT -> "deployment.drafted";
            case SCHEDULED -> "deployment.scheduled";
            case IN_PROGRESS -> "deployment.started";
            case DONE -> "deployment.done";
            case CANCELLED -> "deployment.cancelled";
            case ROLLED_BACK -> "deployment.rolled-back";
        };
    }
}

package org.breakwater.plan;

import java.util.List;

/**
 * More than one open plan ships the same release to the same environment: a question about the
 * release alone cannot say which plan's gates answer it, so it is refused, naming every plan.
 */
public record AmbiguousRelease(String service, String version, String environment, List<Plan> plans) {
    public AmbiguousRelease {
        plans = List.copyOf(plans);
    }

    public List<Long> planIds() {
        return plans.stream().map(Plan::id).toList();
    }

    public String message() {
        return plans.size() + " open plans ship " + service + " " + version + " to " + environment + ": "
                + String.join(", ", plans.stream().map(p -> "plan " + p.id() + " (" + p.status().id() + ", "
                + GateEvaluator.day(p.start()) + ")").toList())
                + "; ask about one (can-deploy --plan N), or cancel the others";
    }
}

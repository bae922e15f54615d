package org.breakwater.plan;

import java.util.List;
import java.util.Optional;

/**
 * The answer a pipeline asks for: may this go out now? With every reason, so a "no" says
 * exactly what is missing.
 */
public sealed interface CanDeploy permits CanDeploy.Yes, CanDeploy.No {
    List<String> reasons();

    /** The plan the answer is about, if one covers the release. */
    Optional<Plan> plan();

    /** The gates behind the answer (empty when no plan is involved). */
    List<Gate> gates();

    record Yes(List<String> reasons, Optional<Plan> plan, List<Gate> gates) implements CanDeploy {
        public Yes {
            reasons = List.copyOf(reasons);
            gates = List.copyOf(gates);
        }
    }

    /**
     * @param waitable true when only pending gates (not failed ones, not a missing plan) stand in
     *                 the way, so waiting may turn the answer into yes
     */
    record No(List<String> reasons, Optional<Plan> plan, List<Gate> gates, boolean waitable) implements CanDeploy {
        public No {
            reasons = List.copyOf(reasons);
            gates = List.copyOf(gates);
        }
    }
}

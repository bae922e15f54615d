package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.cli.common.PolicyOption;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.plan.PlanService;
import org.breakwater.policy.PolicyException;

/** Opens the store and reads the policy for a plan command, reporting either failure in words. */
final class PlanContext {
    private PlanContext() {
    }

    static Optional<PlanService> open(String command, StoreOptions store, PolicyOption policy, Clock clock,
                                      PrintWriter err) {
        try {
            var p = policy.load();
            App app = store.open(clock);
            return Optional.of(app.plans(p));
        } catch (PolicyException e) {
            err.println("breakwater " + command + ": the policy does not read: " + e.getMessage());
            e.problems().stream().skip(1).forEach(pr -> err.println("  " + pr));
            return Optional.empty();
        }
    }
}

package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.PolicyOption;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.plan.PlanService;
import org.breakwater.policy.PolicyException;

/** Opens the store and reads the policy for a plan command, reporting either failure in words. */
final class PlanContext {
    private PlanContext() {
    }

    /** What a plan command does once it has its plans. */
    interface Body {
        int run(PlanService plans);
    }

    /**
     * Opens the store and the policy, then runs {@code body}; a policy that does not read or a
     * store that does not open is reported in words with exit code 2.
     */
    static int run(String command, StoreOptions store, PolicyOption policy, PrintWriter err, Body body) {
        return ErrorReporting.guarded(command, err, () -> {
            Optional<PlanService> plans = open(command, store, policy, Clock.systemUTC(), err);
            return plans.isEmpty() ? ExitCode.INPUT_ERROR : body.run(plans.get());
        });
    }

    private static Optional<PlanService> open(String command, StoreOptions store, PolicyOption policy, Clock clock,
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

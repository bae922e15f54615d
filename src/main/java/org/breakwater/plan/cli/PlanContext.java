package org.breakwater.plan.cli;

import java.io.PrintWriter;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.plan.PlanService;

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
    static int run(String command, StoreAndPolicy options, PrintWriter err, Body body) {
        return options.run(command, err, (policy, app) -> body.run(app.plans(policy)));
    }
}

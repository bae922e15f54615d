package org.breakwater.meeting.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.breakwater.App;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.PolicyOption;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.meeting.MeetingService;
import org.breakwater.policy.Policy;
import org.breakwater.policy.PolicyException;

/** Opens the store and reads the policy for a meeting command, reporting either failure in words (exit 2). */
final class MeetingContext {
    private MeetingContext() {
    }

    interface Body {
        int run(MeetingService meetings, Policy policy, App app);
    }

    static int run(String command, StoreOptions store, PolicyOption policyOption, PrintWriter err, Body body) {
        return ErrorReporting.guarded(command, err, () -> {
            Policy policy;
            try {
                policy = policyOption.load();
            } catch (PolicyException e) {
                err.println("breakwater " + command + ": the policy does not read: " + e.getMessage());
                e.problems().stream().skip(1).forEach(pr -> err.println("  " + pr));
                return ExitCode.INPUT_ERROR;
            }
            App app = store.open(Clock.systemUTC());
            return body.run(app.meetings(policy), policy, app);
        });
    }
}

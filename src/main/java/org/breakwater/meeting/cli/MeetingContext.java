package org.breakwater.meeting.cli;

import java.io.PrintWriter;
import org.breakwater.App;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.meeting.MeetingService;
import org.breakwater.policy.Policy;

/** Opens the store and reads the policy for a meeting command, reporting either failure in words (exit 2). */
final class MeetingContext {
    private MeetingContext() {
    }

    interface Body {
        int run(MeetingService meetings, Policy policy, App app);
    }

    static int run(String command, StoreAndPolicy options, PrintWriter err, Body body) {
        return options.run(command, err, (policy, app) -> body.run(app.meetings(policy), policy, app));
    }
}

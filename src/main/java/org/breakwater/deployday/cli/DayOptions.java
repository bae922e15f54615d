package org.breakwater.deployday.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.breakwater.App;
import org.breakwater.announce.TemplateException;
import org.breakwater.announce.cli.AnnounceOptions;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.PolicyOption;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.deployday.DayServices;
import org.breakwater.policy.PolicyException;
import picocli.CommandLine.Mixin;

/** What every deployment-day command needs: the store, the policy, the templates and the sender. */
public final class DayOptions {
    @Mixin
    StoreOptions store;

    @Mixin
    PolicyOption policy;

    @Mixin
    AnnounceOptions.Writing writing;

    /** What a command does with the day's services. */
    public interface Body {
        int run(DayServices day);
    }

    /** Opens everything and runs {@code body}; a policy, template or store that does not read is reported in words. */
    public int run(String command, PrintWriter err, Body body) {
        return ErrorReporting.guarded(command, err, () -> {
            DayServices day;
            try {
                App app = store.open(Clock.systemUTC());
                day = app.day(policy.load(), writing.templates(), writing.sender());
            } catch (PolicyException e) {
                err.println("breakwater " + command + ": the policy does not read: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            } catch (TemplateException e) {
                err.println("breakwater " + command + ": a template does not read: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
            return body.run(day);
        });
    }

    /** Prints a refusal as "breakwater COMMAND: REASON" and returns the input-error code. */
    static int refused(PrintWriter err, String command, org.breakwater.catalog.Outcome<?> o) {
        err.println("breakwater " + command + ": " + ((org.breakwater.catalog.Outcome.Refused<?>) o).reason());
        return ExitCode.INPUT_ERROR;
    }
}

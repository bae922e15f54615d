package org.breakwater.cli.common;

import java.io.PrintWriter;
import org.breakwater.catalog.Outcome;

/**
 * A use case's {@link Outcome} as a command's exit: a refusal is said on stderr as
 * "breakwater COMMAND: REASON" (exit 2); a result goes to {@code done}, which prints it and says
 * how the command ends.
 */
public final class Outcomes {
    /** What a command does with the result of a use case that was not refused. */
    public interface Done<T> {
        int with(T value);
    }

    private Outcomes() {
    }

    public static <T> int exit(PrintWriter err, String command, Outcome<T> outcome, Done<T> done) {
        if (outcome instanceof Outcome.Refused<T> r) {
            err.println("breakwater " + command + ": " + r.reason());
            return ExitCode.INPUT_ERROR;
        }
        return done.with(((Outcome.Done<T>) outcome).value());
    }
}

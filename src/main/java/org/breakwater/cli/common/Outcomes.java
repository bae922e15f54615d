package org.breakwater.cli.common;

import java.io.PrintWriter;
import java.util.function.Function;
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

    /** A use case whose result is said in one line: {@code line} of it on {@code out}, exit 0; a refusal as {@link #exit}. */
    public static <T> int say(PrintWriter out, PrintWriter err, String command, Outcome<T> outcome,
                              Function<T, String> line) {
        return exit(err, command, outcome, value -> {
            out.println(line.apply(value));
            return ExitCode.OK;
        });
    }
}

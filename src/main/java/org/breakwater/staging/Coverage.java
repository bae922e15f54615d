package org.breakwater.staging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which operations of the API description staging runs were exercised by the tests
 * ({@link TestCallers}) within some time windows (docs/staging.md, "Coverage").
 *
 * @param version what staging runs, empty when nothing was deployed there
 * @param operations every operation of that description, each with its tests' calls (none: not exercised)
 * @param elsewhere calls of the tests that match no operation of the description, by what was called
 */
public record Coverage(String service, String environment, Optional<String> version, TestCallers callers,
                       List<Window> windows, List<Operation> operations, List<Operation> elsewhere) {
    public Coverage {
        windows = List.copyOf(windows);
        operations = List.copyOf(operations);
        elsewhere = List.copyOf(elsewhere);
    }

    /** A span of time, {@code since} inclusive, {@code until} exclusive: a suite run's, a replay's, the last N days. */
    public record Window(Instant since, Instant until) {
        public Window {
            if (!since.isBefore(until)) {
                throw new IllegalArgumentException("a time window ends after it starts: " + since + " is not before " + until);
            }
        }

        /** Whether calls first seen at {@code first} and last seen at {@code last} may fall in this window. */
        public boolean overlaps(Instant first, Instant last) {
            return first.isBefore(until) && !last.isBefore(since);
        }
    }

    /** Who the tests are and when they ran: a suite's identify rule and its runs' windows, or a rule asked for. */
    public record Source(String name, TestCallers callers, List<Window> windows) {
        public Source {
            windows = List.copyOf(windows);
        }
    }

    /**
     * One operation ({@code METHOD /path} as the description writes it; {@code key} as traffic
     * counts it): the tests' stored calls to it and which tests made them.
     */
    public record Operation(String operation, String key, long calls, List<String> callers) {
        public Operation {
            callers = List.copyOf(callers);
        }

        public boolean exercised() {
            return calls > 0;
        }
    }

    public long exercised() {
        return operations.stream().filter(Operation::exercised).count();
    }

    /** The share of the description's operations exercised, in percent, rounded down (0 with no operation). */
    public int percent() {
        return operations.isEmpty() ? 0 : (int) (100 * exercised() / operations.size());
    }

    /**
     * An operation a plan's release changes (from its diff) that no identified caller exercised in
     * staging: {@code changes} says how (the diff's messages).
     */
    public record Untested(String service, String version, String operation, List<String> changes) {
        public Untested {
            changes = List.copyOf(changes);
        }
    }
}

package org.breakwater.apidiff.compare;

import java.util.function.BooleanSupplier;

/**
 * Counts a comparison's steps against {@link CompareLimits#maxSteps()} and asks, every few
 * thousand steps, whether its time is up. Running out unwinds the comparison at once.
 */
final class Budget {
    private static final int CLOCK_EVERY = 4096;

    private final long maxSteps;
    private final BooleanSupplier overtime;
    private long steps;

    Budget(long maxSteps, BooleanSupplier overtime) {
        this.maxSteps = maxSteps;
        this.overtime = overtime;
    }

    void step() {
        steps++;
        if (steps > maxSteps) {
            throw new Exhausted(Comparison.Stop.Reason.STEPS, steps - 1);
        }
        if (steps % CLOCK_EVERY == 0 && overtime.getAsBoolean()) {
            throw new Exhausted(Comparison.Stop.Reason.TIME, steps);
        }
    }

    long steps() {
        return steps;
    }

    /** Thrown to unwind a comparison that ran out; caught by {@link SpecComparator}, never beyond. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Comparison.Stop.Reason reason;
        final long steps;

        Exhausted(Comparison.Stop.Reason reason, long steps) {
            super(reason.name(), null, false, false);
            this.reason = reason;
            this.steps = steps;
        }
    }
}

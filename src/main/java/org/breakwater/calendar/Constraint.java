package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One rule a deployment's start must respect, for {@link Scheduler#propose}. Implementations
 * are pure: the current time, the calendar and the meetings are given to them, never looked up.
 */
public interface Constraint {
    /** A short name for reports: "lead time", "outside freezes", "business hours". */
    String name();

    /**
     * The earliest instant at or after {@code candidate} at which a deployment lasting
     * {@code length} may start as far as this constraint is concerned; {@code candidate} itself
     * when it is fine; empty when no start within the constraint's own search range is.
     */
    Optional<Instant> earliest(Instant candidate, Duration length);

    /** Why a deployment starting at {@code start} and lasting {@code length} satisfies (or not) this constraint. */
    String explain(Instant start, Duration length);
}

package org.breakwater.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link Scheduler#propose}: a start that satisfies every constraint, or why there is none. */
public sealed interface Proposal permits Proposal.Found, Proposal.Impossible {

    /** The earliest start that satisfies every constraint, and one reason per constraint, in their order. */
    record Found(Instant start, List<Reason> reasons) implements Proposal {
        public Found {
            Objects.requireNonNull(start, "start");
            reasons = List.copyOf(reasons);
        }
    }

    /** No start within the horizon satisfies every constraint. */
    record Impossible(String why) implements Proposal {
        public Impossible {
            Objects.requireNonNull(why, "why");
        }
    }
}

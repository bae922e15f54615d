package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the earliest start for a deployment that every {@link Constraint} accepts. Each
 * constraint in turn may push the candidate later; the search stops when a full round leaves
 * it where it is (every constraint accepts it), when a constraint has no start to offer, or
 * when the candidate passes the horizon.
 */
public final class Scheduler {
    /** A guard against constraints that never agree; real searches settle in a handful of rounds. */
    static final int MAX_ROUNDS = 10_000;

    private Scheduler() {
    }

    /**
     * @param notBefore the earliest start considered
     * @param length how long the deployment takes
     * @param horizon the latest start considered
     */
    public static Proposal propose(Instant notBefore, Duration length, List<Constraint> constraints, Instant horizon) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(horizon, "horizon");
        if (length.isNegative()) {
            throw new IllegalArgumentException("a deployment cannot last " + length);
        }
        if (notBefore.isAfter(horizon)) {
            return new Proposal.Impossible("the earliest start, " + at(notBefore) + ", is after the horizon, "
                    + at(horizon));
        }
        boolean[] moved = new boolean[constraints.size()];
        Instant t = notBefore;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (int i = 0; i < constraints.size(); i++) {
                Constraint c = constraints.get(i);
                Optional<Instant> earliest = c.earliest(t, length);
                if (earliest.isEmpty()) {
                    return new Proposal.Impossible(c.name() + ": no deployment of " + TimeText.duration(length)
                            + " starting at or after " + at(t) + " satisfies it");
                }
                if (earliest.get().isAfter(t)) {
                    t = earliest.get();
                    moved[i] = true;
                    changed = true;
                    if (t.isAfter(horizon)) {
                        return new Proposal.Impossible("no start up to the horizon, " + at(horizon)
                                + ", satisfies every constraint: " + c.name() + " pushes the start to " + at(t));
                    }
                }
            }
            if (!changed) {
                List<Reason> reasons = new ArrayList<>();
                for (int i = 0; i < constraints.size(); i++) {
                    Constraint c = constraints.get(i);
                    reasons.add(new Reason(c.name(), moved[i], c.explain(t, length)));
                }
                return new Proposal.Found(t, reasons);
            }
        }
        return new Proposal.Impossible("the constraints did not settle on a start after " + MAX_ROUNDS + " rounds");
    }

    private static String at(Instant instant) {
        return TimeText.at(instant, ZoneOffset.UTC);
    }
}

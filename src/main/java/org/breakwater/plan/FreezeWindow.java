package org.breakwater.plan;

import java.time.Instant;

/** A freeze from the release calendar, as the gates see it. */
public record FreezeWindow(String name, Instant start, Instant end) {
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}

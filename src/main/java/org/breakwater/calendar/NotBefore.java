package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The start must not come before {@code instant}: a lead time for announcements, the end of
 * a staging soak, a change request's approval.
 *
 * @param reason why, in words: "announcements go out 5 days ahead"
 */
public record NotBefore(String name, Instant instant, String reason) implements Constraint {
    public NotBefore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<Instant> earliest(Instant candidate, Duration length) {
        return Optional.of(candidate.isBefore(instant) ? instant : candidate);
    }

    @Override
    public String explain(Instant start, Duration length) {
        String when = TimeText.at(instant, ZoneOffset.UTC);
        return start.isBefore(instant) ? reason + ": not before " + when + ", and the start is earlier"
                : reason + ": not before " + when;
    }
}

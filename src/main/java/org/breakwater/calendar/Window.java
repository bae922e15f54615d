package org.breakwater.calendar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A release or freeze from {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param source where the window came from (a file and event UID, a cron rule), if known
 */
public record Window(String name, WindowKind kind, Instant start, Instant end, Optional<String> source) {
    public Window {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a window needs a name");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window '" + name + "' ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public Window(String name, WindowKind kind, Instant start, Instant end) {
        this(name, kind, start, end, Optional.empty());
    }

    /** True if this window and the interval [from, to) share an instant. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }

    /** True if {@code instant} lies in [start, end). */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}

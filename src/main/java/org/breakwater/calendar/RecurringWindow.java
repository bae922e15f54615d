package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A window that opens whenever {@code schedule} fires and lasts {@code length}: "every Friday
 * at 20:00 New York time, for 4 hours".
 */
public record RecurringWindow(String name, WindowKind kind, CronSchedule schedule, Duration length) {
    /** Most occurrences one walk lists (a minutely schedule over a year would be half a million). */
    public static final int MAX_OCCURRENCES = 20_000;

    public RecurringWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(length, "length");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a recurring window needs a name");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("recurring window '" + name + "' must last longer than 0, not " + length);
        }
    }

    /**
     * @throws IllegalArgumentException if {@code cron} is not a valid expression
     */
    public static RecurringWindow of(String name, WindowKind kind, String cron, Duration length, ZoneId zone) {
        return new RecurringWindow(name, kind, CronSchedule.parse(cron, zone), length);
    }

    public String cron() {
        return schedule.expression();
    }

    public ZoneId zone() {
        return schedule.zone();
    }

    /**
     * Every occurrence that overlaps [from, to), in order of start; at most {@link #MAX_OCCURRENCES}
     * (the first ones), so that no stored plan or calendar can make a walk run for minutes.
     */
    public List<Window> occurrences(Instant from, Instant to) {
        List<Window> found = new ArrayList<>();
        Optional<String> source = Optional.of("cron '" + cron() + "' in " + zone().getId());
        // an occurrence starting at s overlaps [from, to) when from - length < s < to
        Optional<Instant> start = schedule.next(from.minus(length));
        while (start.isPresent() && start.get().isBefore(to) && found.size() < MAX_OCCURRENCES) {
            Instant s = start.get();
            found.add(new Window(name, kind, s, s.plus(length), source));
            start = schedule.next(s);
        }
        return List.copyOf(found);
    }
}

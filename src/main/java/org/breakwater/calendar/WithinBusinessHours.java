package org.breakwater.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole deployment must fall within the business hours of one working day, read as
 * wall-clock times in {@code zone} (so 09:00 stays 09:00 across a DST change).
 */
public record WithinBusinessHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone)
        implements Constraint {
    /** A working day, if any, comes within a week; two leave room for DST and odd day sets. */
    static final int SEARCH_DAYS = 14;

    public WithinBusinessHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one working day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("business hours must end (" + to + ") after they begin (" + from + ")");
        }
    }

    /** Monday to Friday, {@code from} to {@code to}. */
    public static WithinBusinessHours weekdays(LocalTime from, LocalTime to, ZoneId zone) {
        return new WithinBusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), from, to, zone);
    }

    @Override
    public String name() {
        return "business hours";
    }

    @Override
    public Optional<Instant> earliest(Instant candidate, Duration length) {
        LocalDate day = candidate.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, from, zone).toInstant();
            Instant close = ZonedDateTime.of(day, to, zone).toInstant();
            Instant start = candidate.isBefore(open) ? open : candidate;
            if (start.isBefore(close) && !start.plus(length).isAfter(close)) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    @Override
    public String explain(Instant start, Duration length) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = start.plus(length).atZone(zone);
        boolean inside = earliest(start, length).filter(start::equals).isPresent();
        String runs = "the deployment runs " + s.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + s.toLocalDate() + " " + s.toLocalTime() + "–"
                + (e.toLocalDate().equals(s.toLocalDate()) ? "" : e.toLocalDate() + " ") + e.toLocalTime()
                + " " + TimeText.zone(zone);
        return runs + (inside ? ", inside" : ", outside") + " business hours (" + dayText() + " " + from + "–" + to + ")";
    }

    private String dayText() {
        List<DayOfWeek> sorted = new ArrayList<>(EnumSet.copyOf(days));
        boolean contiguous = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        if (contiguous && sorted.size() > 2) {
            return name(sorted.get(0)) + "–" + name(sorted.get(sorted.size() - 1));
        }
        return String.join(", ", sorted.stream().map(WithinBusinessHours::name).toList());
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}

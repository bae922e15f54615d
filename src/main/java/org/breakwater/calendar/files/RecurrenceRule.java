package org.breakwater.calendar.files;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.calendar.files.IcsLines.ContentLine;

/**
 * The part of RFC 5545's RRULE that calendars of releases use: FREQ=DAILY, WEEKLY, MONTHLY or
 * YEARLY with INTERVAL, COUNT or UNTIL, WKST and, for WEEKLY, BYDAY. A monthly or yearly
 * date that does not exist (31 February) is skipped, as the RFC says. DTSTART is always the
 * first occurrence.
 */
record RecurrenceRule(Frequency frequency, int interval, Optional<Integer> count, Optional<IcsValues.Time> until,
        Set<DayOfWeek> byDay, DayOfWeek weekStart, List<String> unsupported) {
    enum Frequency { DAILY, WEEKLY, MONTHLY, YEARLY }

    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final Set<String> KNOWN = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST");

    RecurrenceRule {
        byDay = Set.copyOf(byDay);
        unsupported = List.copyOf(unsupported);
    }

    static RecurrenceRule parse(ContentLine line, String file) throws CalendarException {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : line.value().split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw fail(line, file, "'" + part + "' is not NAME=value");
            }
            parts.put(IcsValues.upper(part.substring(0, eq)), part.substring(eq + 1));
        }
        String freq = parts.get("FREQ");
        if (freq == null) {
            throw fail(line, file, "FREQ is missing");
        }
        List<String> unsupported = new ArrayList<>();
        Frequency frequency = null;
        try {
            frequency = Frequency.valueOf(IcsValues.upper(freq));
        } catch (IllegalArgumentException e) {
            unsupported.add("FREQ=" + freq);
        }
        int interval = number(parts, "INTERVAL", line, file).orElse(1);
        Optional<Integer> count = number(parts, "COUNT", line, file);
        if (count.isPresent() && parts.containsKey("UNTIL")) {
            throw fail(line, file, "COUNT and UNTIL cannot both be given");
        }
        Optional<IcsValues.Time> until = parts.containsKey("UNTIL")
                ? Optional.of(IcsValues.time(parts.get("UNTIL"), new ContentLine("RRULE UNTIL", Map.of(),
                        parts.get("UNTIL"), line.line()), file))
                : Optional.empty();
        Set<DayOfWeek> byDay = new TreeSet<>();
        if (parts.containsKey("BYDAY")) {
            for (String d : parts.get("BYDAY").split(",")) {
                int index = DAYS.indexOf(IcsValues.upper(d));
                if (index < 0 || frequency != Frequency.WEEKLY) {
                    unsupported.add("BYDAY=" + parts.get("BYDAY"));
                    break;
                }
                byDay.add(DayOfWeek.of(index + 1));
            }
        }
        DayOfWeek weekStart = DayOfWeek.MONDAY;
        if (parts.containsKey("WKST")) {
            int index = DAYS.indexOf(IcsValues.upper(parts.get("WKST")));
            if (index < 0) {
                throw fail(line, file, "WKST '" + parts.get("WKST") + "' is not a day (MO..SU)");
            }
            weekStart = DayOfWeek.of(index + 1);
        }
        parts.keySet().stream().filter(k -> !KNOWN.contains(k)).forEach(k -> unsupported.add(k + "=" + parts.get(k)));
        return new RecurrenceRule(frequency == null ? Frequency.DAILY : frequency, interval, count, until, byDay,
                weekStart, unsupported);
    }

    private static Optional<Integer> number(Map<String, String> parts, String key, ContentLine line, String file)
            throws CalendarException {
        String v = parts.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.matches("\\d{1,6}") || Integer.parseInt(v) < 1) {
            throw fail(line, file, key + " '" + v + "' is not a positive whole number");
        }
        return Optional.of(Integer.parseInt(v));
    }

    private static CalendarException fail(ContentLine line, String file, String message) {
        return new CalendarException(file, line.line(), "RRULE '" + line.value() + "': " + message);
    }

    /**
     * The starts of the occurrences, DTSTART first, that begin before {@code horizon}, at most
     * {@code limit} of them (one more than that tells the caller the limit was hit).
     */
    List<ZonedDateTime> starts(ZonedDateTime start, boolean allDay, Instant horizon, int limit) {
        List<ZonedDateTime> found = new ArrayList<>();
        found.add(start);
        int max = count.orElse(Integer.MAX_VALUE);
        long period = frequency == Frequency.WEEKLY && !byDay.isEmpty() ? 0 : 1;
        for (; found.size() < max && found.size() <= limit; period++) {
            List<ZonedDateTime> batch;
            try {
                batch = period(start, period);
            } catch (java.time.DateTimeException | ArithmeticException e) {
                return found; // past the last representable date: nothing more to find
            }
            for (ZonedDateTime t : batch) {
                if (!t.isAfter(start)) {
                    continue;
                }
                if (pastUntil(t, allDay) || !t.toInstant().isBefore(horizon)) {
                    return found;
                }
                found.add(t);
                if (found.size() >= max || found.size() > limit) {
                    return found;
                }
            }
            if (period > (long) limit * 12) {
                return found;
            }
        }
        return found;
    }

    /** The candidate starts of the {@code n}-th period after DTSTART's (0 for its own), in order. */
    private List<ZonedDateTime> period(ZonedDateTime start, long n) {
        long step = n * interval;
        switch (frequency) {
            case DAILY:
                return List.of(start.plusDays(step));
            case WEEKLY:
                if (byDay.isEmpty()) {
                    return List.of(start.plusWeeks(step));
                }
                LocalDate week = start.toLocalDate().with(TemporalAdjusters.previousOrSame(weekStart)).plusWeeks(step);
                List<ZonedDateTime> days = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    LocalDate d = week.plusDays(i);
                    if (byDay.contains(d.getDayOfWeek())) {
                        days.add(ZonedDateTime.of(d, start.toLocalTime(), start.getZone()));
                    }
                }
                return days;
            case MONTHLY:
                YearMonth month = YearMonth.from(start).plusMonths(step);
                return sameDay(start, month);
            default:
                YearMonth sameMonth = YearMonth.from(start).plusYears(step);
                return sameDay(start, sameMonth);
        }
    }

    private static List<ZonedDateTime> sameDay(ZonedDateTime start, YearMonth month) {
        if (!month.isValidDay(start.getDayOfMonth())) {
            return List.of();
        }
        return List.of(ZonedDateTime.of(month.atDay(start.getDayOfMonth()), start.toLocalTime(), start.getZone()));
    }

    private boolean pastUntil(ZonedDateTime t, boolean allDay) {
        if (until.isEmpty()) {
            return false;
        }
        IcsValues.Time u = until.get();
        if (u.date() || allDay) {
            return t.toLocalDate().isAfter(u.value().toLocalDate());
        }
        return t.toInstant().isAfter(u.value().toInstant());
    }
}

package org.breakwater.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * At least {@code minimum} of a weekly meeting (every {@code day} at {@code time} in
 * {@code zone}) must be held strictly after {@code now} and at or before the start, so the
 * change can be raised there first.
 *
 * @param meeting what the meeting is called: "weekly infrastructure meeting"
 */
public record AfterWeeklyMeeting(String meeting, DayOfWeek day, LocalTime time, ZoneId zone, Instant now,
        int minimum) implements Constraint {
    /** How many meetings an explanation counts at most (about twenty years). */
    static final int MAX_MEETINGS = 1000;

    public AfterWeeklyMeeting {
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        if (minimum < 0 || minimum > MAX_MEETINGS) {
            throw new IllegalArgumentException("the number of meetings must be 0-" + MAX_MEETINGS + ", not " + minimum);
        }
    }

    @Override
    public String name() {
        return meeting;
    }

    @Override
    public Optional<Instant> earliest(Instant candidate, Duration length) {
        if (minimum == 0) {
            return Optional.of(candidate);
        }
        Instant needed = meetingAfter(now, minimum);
        return Optional.of(candidate.isBefore(needed) ? needed : candidate);
    }

    /** The {@code n}-th meeting (1-based) strictly after {@code instant}. */
    private Instant meetingAfter(Instant instant, int n) {
        LocalDate date = instant.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(day));
        if (!at(date).isAfter(instant)) {
            date = date.plusWeeks(1);
        }
        return at(date.plusWeeks(n - 1L));
    }

    private Instant at(LocalDate date) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    @Override
    public String explain(Instant start, Duration length) {
        if (minimum == 0) {
            return "no " + meeting + " is needed";
        }
        List<Instant> held = new ArrayList<>();
        for (Instant m = meetingAfter(now, 1); !m.isAfter(start) && held.size() < MAX_MEETINGS;
                m = meetingAfter(m, 1)) {
            held.add(m);
        }
        String needed = minimum > 1 ? " (at least " + minimum + " needed)" : "";
        if (held.isEmpty()) {
            return "no " + meeting + " is held before the start" + needed + "; the next is on "
                    + TimeText.at(meetingAfter(now, 1), zone);
        }
        if (held.size() == 1) {
            return "the " + meeting + " on " + TimeText.at(held.get(0), zone) + " comes before the start" + needed;
        }
        String count = held.size() < minimum ? "only " + held.size() : String.valueOf(held.size());
        return count + " " + meeting + "s come before the start, the first on " + TimeText.at(held.get(0), zone)
                + " and the last on " + TimeText.at(held.get(held.size() - 1), zone) + needed;
    }
}

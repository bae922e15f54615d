package org.breakwater.deployday.roster;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a deployment window falls inside a person's day: 08:00 to 20:00 on a weekday in their own
 * time zone (docs/deployment-day.md). A window that starts earlier, ends later, crosses midnight or
 * falls on their weekend is flagged, with the local times so they can see why.
 */
public final class DayHours {
    static final LocalTime FROM = LocalTime.of(8, 0);
    static final LocalTime TO = LocalTime.of(20, 0);
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);

    private DayHours() {
    }

    /** The window in {@code zone}'s local time: "Mon 17:00–21:00 Europe/Paris". */
    public static String local(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        return SHOW.format(s) + "–" + (s.toLocalDate().equals(e.toLocalDate()) ? e.toLocalTime().toString()
                : SHOW.format(e)) + " " + zone.getId();
    }

    /** Why the window falls outside the day of someone in {@code zone}, if it does. */
    public static Optional<String> outside(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        String local = local(start, end, zone);
        if (!s.toLocalDate().equals(e.toLocalDate()) && !e.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return Optional.of("crosses midnight for them (" + local + ")");
        }
        DayOfWeek day = s.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return Optional.of("falls on their weekend (" + local + ")");
        }
        if (s.toLocalTime().isBefore(FROM)) {
            return Optional.of("starts before 08:00 for them (" + local + ")");
        }
        if (e.toLocalTime().isAfter(TO) || e.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return Optional.of("ends after 20:00 for them (" + local + ")");
        }
        return Optional.empty();
    }
}

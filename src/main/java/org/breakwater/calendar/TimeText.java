package org.breakwater.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How instants, ranges and durations are written in explanations: one wording everywhere. */
final class TimeText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WITH_DAY = DateTimeFormatter.ofPattern("EEEE uuuu-MM-dd HH:mm", Locale.ENGLISH);

    private TimeText() {
    }

    /** "UTC" for UTC, the zone's id otherwise. */
    static String zone(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** "Thursday 2014-12-11 18:00 UTC". */
    static String at(Instant instant, ZoneId zone) {
        return WITH_DAY.format(instant.atZone(zone)) + " " + zone(zone);
    }

    /** "2014-11-25 → 2014-12-09 (UTC)", with times when either end is not at midnight UTC. */
    static String range(Instant start, Instant end) {
        ZonedDateTime s = start.atZone(ZoneOffset.UTC);
        ZonedDateTime e = end.atZone(ZoneOffset.UTC);
        boolean dates = s.toLocalTime().equals(LocalTime.MIDNIGHT) && e.toLocalTime().equals(LocalTime.MIDNIGHT);
        DateTimeFormatter f = dates ? DATE : DATE_TIME;
        return f.format(s) + " → " + f.format(e) + " (UTC)";
    }

    /** "2 weeks 3 days", "4 hours 30 minutes", "0 minutes"; seconds are left out. */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        long[] sizes = {7 * 24 * 60, 24 * 60, 60, 1};
        String[] units = {"week", "day", "hour", "minute"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            long n = minutes / sizes[i];
            minutes %= sizes[i];
            if (n > 0) {
                parts.add(n + " " + units[i] + (n == 1 ? "" : "s"));
            }
        }
        return parts.isEmpty() ? "0 minutes" : String.join(" ", parts);
    }
}

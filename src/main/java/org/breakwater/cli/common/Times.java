package org.breakwater.cli.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times and durations as people type them on a command line. */
public final class Times {
    private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*(m|min|h|d|w)");

    /** The forms every time option accepts, for help texts and messages (no {@code %}: picocli formats descriptions). */
    public static final String FORMS = "2026-09-21T09:30:00Z, 2026-09-21T09:30Z, 2026-09-21T11:30+02:00,"
            + " '2026-09-21 09:30' (UTC) or 2026-09-21 (00:00 UTC)";

    private Times() {
    }

    /**
     * 2014-06-16T12:00:00Z, 2014-06-16T14:00+02:00, "2014-06-16 12:00" (UTC) or 2014-06-16
     * (00:00 UTC); empty when it is none of those.
     */
    public static Optional<Instant> instant(String text) {
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** 30m, 4h, 14d, 2w; empty when it is none of those. */
    public static Optional<Duration> duration(String text) {
        Matcher m = SPAN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        });
    }

    /** "2014-06-16 12:00 UTC". */
    public static String show(Instant t) {
        return org.breakwater.text.Moments.show(t);
    }

    /** "4h", "2d", "90m". */
    public static String show(Duration d) {
        if (d.toMinutes() % (60 * 24) == 0) {
            return d.toDays() + "d";
        }
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}

package org.breakwater.calendar.files;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.calendar.files.IcsLines.ContentLine;

/** The iCalendar value types Breakwater reads: DATE, DATE-TIME (with TZID), DURATION and TEXT. */
final class IcsValues {
    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(Z?)");
    private static final Pattern DURATION = Pattern.compile(
            "([+-]?)P(?:(\\d{1,6})W)?(?:(\\d{1,6})D)?(?:T(?=\\d)(?:(\\d{1,7})H)?(?:(\\d{1,9})M)?(?:(\\d{1,10})S)?)?");

    /**
     * A DATE or DATE-TIME value. A date is the day from 00:00 UTC; a time with Z is UTC; a time
     * with TZID is in that zone; a floating time (neither) is taken as UTC.
     */
    record Time(ZonedDateTime value, boolean date) {
    }

    /** A DURATION value: whole days are nominal (they keep the wall-clock time across DST), the rest exact. */
    record Length(long days, Duration time) {
        ZonedDateTime after(ZonedDateTime start) {
            return start.plusDays(days).plus(time);
        }

        boolean isZero() {
            return days == 0 && time.isZero();
        }
    }

    private IcsValues() {
    }

    static Time time(ContentLine line, String file) throws CalendarException {
        return time(line.value(), line, file);
    }

    /** Every value of a comma-separated list (EXDATE, RDATE). */
    static List<Time> times(ContentLine line, String file) throws CalendarException {
        List<Time> all = new ArrayList<>();
        for (String v : line.value().split(",")) {
            all.add(time(v.trim(), line, file));
        }
        return all;
    }

    static Time time(String value, ContentLine line, String file) throws CalendarException {
        boolean dateParam = line.param("VALUE").map(v -> v.equalsIgnoreCase("DATE")).orElse(false);
        try {
            Matcher d = DATE.matcher(value);
            if (d.matches()) {
                LocalDate date = LocalDate.of(num(d, 1), num(d, 2), num(d, 3));
                return new Time(date.atStartOfDay(ZoneOffset.UTC), true);
            }
            Matcher t = DATE_TIME.matcher(value);
            if (t.matches() && !dateParam) {
                LocalDateTime local = LocalDateTime.of(num(t, 1), num(t, 2), num(t, 3), num(t, 4), num(t, 5), num(t, 6));
                ZoneId zone = t.group(7).isEmpty() ? zone(line, file) : ZoneOffset.UTC;
                return new Time(ZonedDateTime.ofLocal(local, zone, null), false);
            }
        } catch (DateTimeException e) {
            throw new CalendarException(file, line.line(), line.name() + " '" + value + "' is not a real date or time: "
                    + e.getMessage());
        }
        throw new CalendarException(file, line.line(), line.name() + " '" + value + "' is not "
                + (dateParam ? "a date (YYYYMMDD)" : "a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, with Z for UTC)"));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** The zone of a TZID parameter: an IANA name, possibly behind a prefix ("/mozilla.org/20050126_1/Europe/Prague"). */
    private static ZoneId zone(ContentLine line, String file) throws CalendarException {
        if (line.param("TZID").isEmpty()) {
            return ZoneOffset.UTC;
        }
        String tzid = line.param("TZID").get();
        String candidate = tzid;
        while (true) {
            try {
                return ZoneId.of(candidate);
            } catch (DateTimeException e) {
                int slash = candidate.indexOf('/', 1);
                if (slash < 0) {
                    throw new CalendarException(file, line.line(), "unknown time zone '" + tzid + "' in " + line.name()
                            + " (Breakwater reads IANA zone names such as Europe/Prague)");
                }
                candidate = candidate.substring(slash + 1);
            }
        }
    }

    static Length length(ContentLine line, String file) throws CalendarException {
        Matcher m = DURATION.matcher(line.value());
        if (!m.matches() || line.value().endsWith("P")) {
            throw new CalendarException(file, line.line(), "DURATION '" + line.value()
                    + "' is not a duration such as P1D, PT4H30M or P2W");
        }
        if (m.group(1).equals("-")) {
            throw new CalendarException(file, line.line(), "DURATION '" + line.value() + "' is negative");
        }
        long days = part(m, 2) * 7 + part(m, 3);
        Duration time = Duration.ofHours(part(m, 4)).plusMinutes(part(m, 5)).plusSeconds(part(m, 6));
        return new Length(days, time);
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** A TEXT value with its escapes undone: \\ \; \, and \n (or \N) for a line break. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                b.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A list of TEXT values (CATEGORIES), split at the commas that are not escaped. */
    static List<String> texts(String value) {
        List<String> items = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ',') {
                items.add(text(value.substring(from, i)).trim());
                from = i + 1;
            }
        }
        items.add(text(value.substring(from)).trim());
        return items.stream().filter(s -> !s.isEmpty()).toList();
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}

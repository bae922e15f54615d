package org.breakwater.meeting;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a meeting's date hides in each format: zodbot's greeting, the log's file name, the title. */
final class MeetingDates {
    /** zodbot: "Meeting started Thu Jun  5 18:00:07 2014 UTC." */
    private static final Pattern GREETING =
            Pattern.compile("Meeting started \\w{3} (\\w{3}) +(\\d{1,2}) \\d{2}:\\d{2}:\\d{2} (\\d{4})");
    /** MeetBot's file names: "infrastructure.2014-06-05-18.00.log.html". */
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-\\d{2}\\.\\d{2}");
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4}-\\d{2}-\\d{2})(?![\\d-])");
    private static final DateTimeFormatter GREETING_DATE = DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ROOT);

    private MeetingDates() {
    }

    static Optional<LocalDate> fromGreeting(String line) {
        Matcher m = GREETING.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1) + " " + m.group(2) + " " + m.group(3), GREETING_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> fromFileName(String text) {
        return first(FILE_NAME, text);
    }

    static Optional<LocalDate> fromTitle(String text) {
        return first(ISO, text);
    }

    /** The first of: the file name pattern in {@code text}, an ISO date in the title, the source's name. */
    static Optional<LocalDate> fallback(String text, String title, String sourceName) {
        return fromFileName(text).or(() -> fromTitle(title)).or(() -> fromFileName(sourceName))
                .or(() -> fromTitle(sourceName));
    }

    static LocalDate required(Optional<LocalDate> date) {
        return date.orElseThrow(() -> new MinutesProblem("no meeting date found (looked for zodbot's "
                + "\"Meeting started\" line, a MeetBot file name like NAME.2014-06-05-18.00, and a date in the title)"));
    }

    static LocalTime time(String text, int line) {
        try {
            return LocalTime.parse(text.length() == 5 ? text + ":00" : text);
        } catch (DateTimeException e) {
            throw new MinutesProblem("'" + text + "' is not a time of day", line, 0);
        }
    }

    private static Optional<LocalDate> first(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.parse(m.group(1)));
            } catch (DateTimeParseException e) {
                // not a real day: look further
            }
        }
        return Optional.empty();
    }
}

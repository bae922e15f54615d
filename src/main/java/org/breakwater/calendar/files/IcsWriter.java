package org.breakwater.calendar.files;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.breakwater.calendar.CalendarEvent;

/**
 * Writes events as an iCalendar feed (RFC 5545) that calendar clients subscribe to: CRLF line
 * ends, lines folded at 75 octets without splitting a UTF-8 character, text escaped, times in UTC.
 */
public final class IcsWriter {
    public static final String PRODID = "-//Breakwater//Deployment schedule//EN";
    /** Longest line in octets, line break excluded (RFC 5545 section 3.1). */
    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private IcsWriter() {
    }

    /**
     * @param calendarName shown by clients as the calendar's name
     * @param stamp when the feed was made (DTSTAMP of every event); pass the clock's instant
     */
    public static String write(String calendarName, List<CalendarEvent> events, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:" + PRODID);
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "NAME:" + escape(calendarName));
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        for (CalendarEvent e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + escape(e.uid()));
            line(out, "DTSTAMP:" + time(stamp));
            line(out, "DTSTART:" + time(e.start()));
            line(out, "DTEND:" + time(e.end()));
            line(out, "SUMMARY:" + escape(e.summary()));
            if (!e.description().isEmpty()) {
                line(out, "DESCRIPTION:" + escape(e.description()));
            }
            e.url().ifPresent(u -> line(out, "URL:" + u));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A UTC date-time, to the second. */
    static String time(Instant instant) {
        return UTC.format(instant);
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == ';' || c == ',') {
                b.append('\\').append(c);
            } else if (c == '\r') {
                b.append("\\n");
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t' || (c >= ' ' && c != 0x7F)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends {@code line} folded: a CRLF and a space before any octet that would pass {@link #MAX_OCTETS}. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}

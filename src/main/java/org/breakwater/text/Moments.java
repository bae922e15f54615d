package org.breakwater.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as people read it in Breakwater's text, mails and pages: "2014-06-16 12:00 UTC". */
public final class Moments {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Moments() {
    }

    /** "2014-06-16 12:00 UTC": to the minute, seconds dropped (not rounded). */
    public static String show(Instant t) {
        return MINUTE.format(t);
    }
}

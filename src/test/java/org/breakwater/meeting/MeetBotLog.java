package org.breakwater.meeting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/** A raw MeetBot log (NAME.log.txt) of one meeting on {@code date}, as zodbot writes it, around the lines given. */
public final class MeetBotLog {
    private MeetBotLog() {
    }

    /** zodbot's "Thu Jun  5 18:00:07 2014": the day of the month padded with a space, as C's %e. */
    static String stamp(LocalDate date, String time) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
                + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
                + String.format(Locale.ROOT, "%2d", date.getDayOfMonth()) + " " + time + " " + date.getYear();
    }

    /** {@code lines} are "HH:MM:SS <nick> text" lines said between the start and the end. */
    public static String of(LocalDate date, String... lines) {
        StringBuilder b = new StringBuilder();
        b.append("18:00:01 <nirik> #startmeeting Infrastructure (").append(date).append(")\n");
        b.append("18:00:01 <zodbot> Meeting started ").append(stamp(date, "18:00:01")).append(" UTC.  The chair is nirik."
                + " Information about MeetBot at http://wiki.debian.org/MeetBot.\n");
        b.append("18:00:01 <zodbot> Useful Commands: #action #agreed #halp #info #idea #link #topic.\n");
        b.append("18:00:02 <nirik> #chair nirik smooge pingou\n");
        b.append("18:00:02 <zodbot> Current chairs: nirik pingou smooge\n");
        for (String l : lines) {
            b.append(l).append('\n');
        }
        b.append("18:30:00 <nirik> #endmeeting\n");
        b.append("18:30:00 <zodbot> Meeting ended ").append(stamp(date, "18:30:00"))
                .append(" UTC.  Information about MeetBot at http://wiki.debian.org/MeetBot .\n");
        return b.toString();
    }

    public static byte[] bytes(LocalDate date, String... lines) {
        return of(date, lines).getBytes(StandardCharsets.UTF_8);
    }
}

package org.breakwater.cli.common;

import java.time.Duration;
import java.time.Instant;

/** "3 days", "5 hours": how long ago, for tables read by people. */
public final class Ages {
    private Ages() {
    }

    public static String since(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "in " + span(d.negated());
        }
        return span(d);
    }

    private static String span(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = d.toHours();
        if (hours < 48) {
            return plural(hours, "hour");
        }
        long days = d.toDays();
        if (days < 365 * 2) {
            return plural(days, "day");
        }
        return plural(days / 365, "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

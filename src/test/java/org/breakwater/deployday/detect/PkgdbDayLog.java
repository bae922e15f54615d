package org.breakwater.deployday.detect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For tests: the access log of the pkgdb2 day around a cut-over — a quiet baseline, then bodhi's
 * client and the packages app failing on operations pkgdb 2.0.0 removed, an unknown script's burst
 * of 404s on many paths, a cron job ({@code curl}) gone silent while others still call.
 */
public final class PkgdbDayLog {
    static final String BODHI = "bodhi/0.9.12";
    static final String PACKAGES = "fedora-packages/1.0";
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PkgdbDayLog() {
    }

    /** A combined-format line. */
    public static String line(String client, Instant at, String request, int status, String agent) {
        return client + " - - [" + CLF.format(at) + "] \"" + request + " HTTP/1.1\" " + status + " 512 \"-\" \"" + agent
                + "\"\n";
    }

    /** The day's log around the cut-over at {@code cut}, in time order; the last line 40 minutes after it. */
    public static List<String> lines(Instant cut) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant t = cut.minusSeconds(1200 - i * 50);
            lines.add(line("10.5.126.20", t, "GET /pkgdb/acls/name/guake", 200, BODHI));
            lines.add(line("10.5.126.21", t, "GET /pkgdb/users/packages/ralph", 200, PACKAGES));
            lines.add(line("10.5.126.30", t, "GET /pkgdb/lists/bugzilla", 200, "curl/7.29"));
        }
        for (int i = 0; i < 42; i++) {
            lines.add(line("10.5.126.20", cut.plusSeconds(10 + i), "GET /pkgdb/acls/name/guake", 404, BODHI));
        }
        for (int i = 0; i < 6; i++) {
            lines.add(line("10.5.126.21", cut.plusSeconds(20 + i * 5), "GET /pkgdb/users/packages/ralph", 404, PACKAGES));
        }
        for (int i = 0; i < 500; i++) { // one unknown script, many paths
            lines.add(line("192.0.2.9", cut.plusSeconds(30 + i / 20), "GET /pkgdb/api/nope/" + i, 404, "sync.py/0.1"));
        }
        lines.add(line("10.5.126.20", cut.plus(Duration.ofMinutes(40)), "GET /pkgdb/api/package/guake", 200, "bodhi/2.0"));
        return lines;
    }
}

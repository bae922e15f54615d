package org.breakwater.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The demo's access logs of the package database, written relative to today in the combined
 * format: production (pkgdb 1, under /pkgdb) over the last ten days and staging (pkgdb 2, under
 * /pkgdb/api) over the last three, across the day pkgdb 2.0.0 reached staging. In them: the
 * catalog's consumers, an unknown one (a review tool nobody declared), a scanner, a garbled line,
 * bodhi's staging instance on the new API, the packages app's staging instance still on the old
 * paths, the mail hub's alias script — a production host — already calling staging, Bugzilla's
 * sync script that only production sees, and the end-to-end suite (rube) exercising staging.
 */
final class DemoTraffic {
    /** Days of production traffic, and the calls per day each caller makes there. */
    static final int PRODUCTION_DAYS = 10;
    static final int STAGING_DAYS = 3;
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String[] PACKAGES = {"guake", "python-requests", "kernel", "firefox", "pkgdb-cli", "bodhi"};

    private DemoTraffic() {
    }

    private static void line(StringBuilder b, String client, Instant at, String request, int status, String agent) {
        b.append(client).append(" - - [").append(CLF.format(at)).append("] \"").append(request).append(" HTTP/1.1\" ")
                .append(status).append(" 1024 \"-\" \"").append(agent).append("\"\n");
    }

    /** Writes logs/pkgdb-production.log and logs/pkgdb-staging.log under {@code root}; returns the folder. */
    static Path write(Path root, Instant now) throws IOException {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        StringBuilder prod = new StringBuilder();
        for (int d = PRODUCTION_DAYS; d >= 1; d--) {
            Instant day = today.minus(Duration.ofDays(d)).plus(Duration.ofHours(8));
            for (int i = 0; i < 12; i++) {
                line(prod, "10.5.126.21", day.plusSeconds(600L * i), "GET /pkgdb/acls/name/" + PACKAGES[i % PACKAGES.length]
                        + "?tg_format=json", 200, "bodhi/0.9.12 (python-fedora 0.3.35)");
            }
            line(prod, "10.5.126.21", day.plusSeconds(30), "GET /pkgdb/critpath?tg_format=json", 200, "bodhi/0.9.12");
            line(prod, "10.5.126.21", day.plusSeconds(40), "GET /pkgdb/critpath?tg_format=json", 200, "bodhi/0.9.12");
            for (int i = 0; i < 5; i++) {
                line(prod, "10.5.126.52", day.plusSeconds(900L * i + 7), "GET /pkgdb/packages/name/" + PACKAGES[i], 200,
                        "fedora-packages/2.0.14");
            }
            for (int i = 0; i < 3; i++) {
                line(prod, "203.0.113.8" + i, day.plusSeconds(3600L * i + 11), "GET /pkgdb/users/packages/pingou", 200,
                        "pkgdb-cli/1.6");
            }
            line(prod, "10.5.126.30", day.plusSeconds(3 * 3600), "GET /pkgdb/notify/all?name=pingou", 200,
                    "python-requests/2.2.1");
            // Bugzilla's sync script: a production cron job that was never deployed to staging (a parity gap)
            line(prod, "10.5.126.41", day.plusSeconds(4 * 3600), "GET /pkgdb/lists/bugzilla?format=json", 200,
                    "pkgdb-sync-bugzilla/1.4 (python-requests/2.2.1)");
            for (int i = 0; i < 4; i++) {
                line(prod, "192.0.2.44", day.plusSeconds(1800L * i + 13), "GET /pkgdb/acls/name/" + PACKAGES[i], 200,
                        "fedora-review/0.5.2");
            }
        }
        line(prod, "198.51.100.7", today.minus(Duration.ofDays(1)).plusSeconds(5), "GET /wp-login.php", 404, "Mozilla/5.0");
        prod.append("\\x16\\x03\\x01 garbled TLS hello on the plain port\n");
        StringBuilder stg = new StringBuilder();
        for (int d = STAGING_DAYS; d >= 1; d--) {
            Instant day = today.minus(Duration.ofDays(d)).plus(Duration.ofHours(9));
            for (int i = 0; i < 6; i++) {
                line(stg, "10.5.128.21", day.plusSeconds(300L * i), "GET /pkgdb/api/package/" + PACKAGES[i], 200,
                        "bodhi/2.0.0");
            }
            // the end-to-end suite (rube, not in the catalog: docs/staging.md, "Coverage") once a day
            for (String path : new String[] {"collections", "package/guake", "packager/package/pingou"}) {
                line(stg, "10.5.128.40", day.minusSeconds(3 * 3600), "GET /pkgdb/api/" + path, 200,
                        "rube/0.3 (selenium; xvfb)");
            }
            line(stg, "10.5.126.30", day.plusSeconds(3 * 3600), "GET /pkgdb/api/notify/all?name=pingou", 200,
                    "python-requests/2.2.1");
            // the packages app's staging instance: not ported yet, still asking for pkgdb 1's paths
            line(stg, "10.5.128.52", day.plusSeconds(5400), "GET /pkgdb/packages/name/" + PACKAGES[d], 404,
                    "fedora-packages/2.0.14");
        }
        Path logs = root.resolve("logs");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("pkgdb-production.log"), prod, StandardCharsets.UTF_8);
        Files.writeString(logs.resolve("pkgdb-staging.log"), stg, StandardCharsets.UTF_8);
        return logs;
    }
}

package org.breakwater.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.files.SuiteFileReader;
import org.breakwater.staging.run.ProcessLauncher;

/**
 * The demo's end-to-end suite (catalog/suites.yaml, suites/pkgdb-e2e/run.sh): registered from the
 * catalog files and run for real on the last days at 06:00 UTC, as serve's schedule would have, and
 * once just now. Staging ran pkgdb 2.0.0-rc3 until two days ago, so the pkgdb2 plan's staging-green
 * gate counts the runs on 2.0.0 only.
 */
final class DemoSuites {
    static final int DAYS = 3;

    private DemoSuites() {
    }

    /** Imports the suites and runs them; a problem is said in words (a bug in the demo data). */
    static void make(Path store, Path catalogDir, Instant now) {
        SuiteFileReader.Read read = new SuiteFileReader().read(catalogDir);
        if (!read.valid()) {
            throw new IllegalStateException("the demo suites do not read: " + read.problems());
        }
        try (App app = App.open(new App.Settings(Optional.empty(), store), Clock.systemUTC())) {
            if (app.suites(SecretBox.NONE).importFromFiles(read.suites()) instanceof Outcome.Refused<Integer> r) {
                throw new IllegalStateException("the demo suites do not register: " + r.reason());
            }
        }
        for (Instant at : times(now)) {
            try (App app = App.open(new App.Settings(Optional.empty(), store), Clock.fixed(at, ZoneOffset.UTC))) {
                app.suiteRuns(SecretBox.NONE, ProcessLauncher.standard()).run("pkgdb-e2e", "schedule");
            }
        }
    }

    /** 06:00 UTC on each of the last {@link #DAYS} days, and half an hour ago (but today). */
    static List<Instant> times(Instant now) {
        List<Instant> out = new ArrayList<>();
        Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(6));
        for (int d = DAYS; d >= 1; d--) {
            out.add(today.minus(Duration.ofDays(d)));
        }
        Instant halfAnHourAgo = now.minus(Duration.ofMinutes(30));
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        out.add(halfAnHourAgo.isBefore(midnight) ? midnight : halfAnHourAgo);
        return out;
    }
}

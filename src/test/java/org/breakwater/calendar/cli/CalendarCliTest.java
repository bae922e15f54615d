package org.breakwater.calendar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar and feed commands as people use them. */
class CalendarCliTest {
    static final String ICS = "src/test/resources/calendar/fedora-21-schedule.ics";

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir.resolve("data")));
    }

    @Test
    void an_ics_schedule_imports_its_freezes_and_releases_and_shows_them() {
        CliRun r = run("calendar", "import", ICS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Imported .*: 3 freezes, 3 releases, 0 recurring windows");
        CliRun again = run("calendar", "import", ICS);
        assertThat(again.out()).isEqualTo(r.out());
        CliRun show = run("calendar", "show", "--from", "2014-09-01", "--to", "2015-01-01");
        assertThat(show.code()).isZero();
        assertThat(show.out()).containsPattern("freeze\\s+2014-11-25 14:00 UTC\\s+2014-12-09 14:00 UTC\\s+Final Freeze")
                .containsPattern("release\\s+2014-12-09 00:00 UTC\\s+2014-12-10 00:00 UTC\\s+Fedora 21 Final Release \\(GA\\)");
        assertThat(show.out().lines().filter(l -> l.startsWith("freeze")).count()).isEqualTo(3);
    }

    @Test
    void a_yaml_calendar_with_a_mistake_is_refused_with_its_place_and_nothing_imported() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "windows:\n  - name: x\n    kind: freeze\n    start: 2014-11-25\n    end: 2014-11-20\n");
        CliRun r = run("calendar", "import", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":").contains("nothing was imported");
        assertThat(run("calendar", "show", "--from", "2014-11-01", "--to", "2014-12-31").err()).contains("no store at");
    }

    @Test
    void a_recurring_window_that_opens_every_hour_is_refused() throws Exception {
        Path hourly = dir.resolve("hourly.yaml");
        Files.writeString(hourly, "recurring:\n  - name: oops\n    kind: freeze\n    cron: \"0 * * * *\"\n"
                + "    duration: 30m\n    zone: UTC\n");
        CliRun r = run("calendar", "import", hourly.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("opens more than 400 times a year");
        Path weekly = dir.resolve("weekly.yaml");
        Files.writeString(weekly, "recurring:\n  - name: mass push\n    kind: freeze\n    cron: \"0 20 * * WED\"\n"
                + "    duration: 2h\n    zone: UTC\n");
        assertThat(run("calendar", "import", weekly.toString()).code()).isZero();
    }

    @Test
    void a_skipped_event_is_warned_of_with_the_file_named_once() {
        CliRun r = run("calendar", "import", "examples/fedora-21-schedule.ics");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("\nexamples/fedora-21-schedule.ics: warning: 4 events neither a release nor a freeze")
                .containsOnlyOnce("fedora-21-schedule.ics");
    }

    @Test
    void bad_options_are_refused_in_words() {
        assertThat(run("calendar", "import", ICS, "--kind", "party").err()).contains("--kind is freeze or release");
        assertThat(run("calendar", "show", "--from", "soon").err()).contains("'soon' is not a time");
        assertThat(run("calendar", "import", dir.resolve("none.ics").toString()).err()).contains("cannot be read");
    }
}

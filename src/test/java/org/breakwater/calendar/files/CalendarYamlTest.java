package org.breakwater.calendar.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.breakwater.calendar.RecurringWindow;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.junit.jupiter.api.Test;

/** The YAML calendar people edit: reading, every problem at its file:line:column, and writing that reads back. */
class CalendarYamlTest {
    private static final Window FINAL_FREEZE = new Window("Fedora 21 Final freeze", WindowKind.FREEZE,
            Instant.parse("2014-11-25T00:00:00Z"), Instant.parse("2014-12-09T00:00:00Z"));
    private static final RecurringWindow MIRROR_SYNC = RecurringWindow.of("Weekly mirror sync freeze",
            WindowKind.FREEZE, "0 20 * * FRI", Duration.ofHours(4), ZoneId.of("America/New_York"));

    private static List<String> problems(String yaml) {
        try {
            CalendarYaml.read(yaml, "calendar.yaml");
        } catch (CalendarException e) {
            return e.problems().stream().map(CalendarProblem::toString).toList();
        }
        throw new AssertionError("no problems found in\n" + yaml);
    }

    @Test
    void the_documented_example_reads_into_a_calendar() throws Exception {
        ReleaseCalendar calendar = CalendarYaml.read("""
                windows:
                  - name: Fedora 21 Final freeze
                    kind: freeze              # release | freeze
                    start: 2014-11-25         # a date (00:00 UTC) or an instant 2014-11-25T14:00:00Z
                    end: 2014-12-09           # exclusive
                  - name: Fedora 21 Final release
                    kind: release
                    start: 2014-12-09T14:00:00Z
                    end: 2014-12-10T09:00:00+01:00
                    source: fedora-21-schedule.ics f21-final-release@fedoraproject.org
                recurring:
                  - name: Weekly mirror sync freeze
                    kind: freeze
                    cron: "0 20 * * FRI"
                    duration: 4h              # 30m, 4h, 2d, 1w
                    zone: America/New_York
                  - name: Monthly maintenance
                    kind: freeze
                    cron: 0 2 1 * *
                    duration: 1d12h
                """, "calendar.yaml");
        assertThat(calendar).isEqualTo(new ReleaseCalendar(List.of(FINAL_FREEZE,
                new Window("Fedora 21 Final release", WindowKind.RELEASE, Instant.parse("2014-12-09T14:00:00Z"),
                        Instant.parse("2014-12-10T08:00:00Z"),
                        Optional.of("fedora-21-schedule.ics f21-final-release@fedoraproject.org"))),
                List.of(MIRROR_SYNC, RecurringWindow.of("Monthly maintenance", WindowKind.FREEZE, "0 2 1 * *",
                        Duration.ofHours(36), ZoneOffset.UTC))));
    }

    @Test
    void empty_sections_make_an_empty_calendar() throws Exception {
        assertThat(CalendarYaml.read("windows:\nrecurring: []\n", "calendar.yaml")).isEqualTo(ReleaseCalendar.empty());
    }

    @Test
    void the_writer_uses_dates_for_midnights_and_compact_durations() {
        ReleaseCalendar calendar = new ReleaseCalendar(List.of(FINAL_FREEZE,
                new Window("Fedora 21 Final release", WindowKind.RELEASE, Instant.parse("2014-12-09T14:00:00Z"),
                        Instant.parse("2014-12-10T00:00:00Z"), Optional.of("fedora.ics f21@fedoraproject.org"))),
                List.of(MIRROR_SYNC, RecurringWindow.of("Nightly backup freeze", WindowKind.FREEZE, "*/30 1 * * *",
                        Duration.ofMinutes(90), ZoneId.of("UTC"))));
        assertThat(CalendarYaml.write(calendar)).isEqualTo("""
                # Breakwater release calendar: windows run from start to end (exclusive);
                # recurring windows open whenever their cron expression fires, in their zone.
                windows:
                  - name: Fedora 21 Final freeze
                    kind: freeze
                    start: 2014-11-25
                    end: 2014-12-09
                  - name: Fedora 21 Final release
                    kind: release
                    start: 2014-12-09T14:00:00Z
                    end: 2014-12-10
                    source: fedora.ics f21@fedoraproject.org
                recurring:
                  - name: Weekly mirror sync freeze
                    kind: freeze
                    cron: 0 20 * * FRI
                    duration: 4h
                    zone: America/New_York
                  - name: Nightly backup freeze
                    kind: freeze
                    cron: '*/30 1 * * *'
                    duration: 1h30m
                    zone: UTC
                """);
    }

    @Test
    void what_the_writer_writes_reads_back_to_the_same_calendar() throws Exception {
        ReleaseCalendar calendar = new ReleaseCalendar(List.of(FINAL_FREEZE,
                new Window("null", WindowKind.RELEASE, Instant.parse("2014-12-09T14:00:00.5Z"),
                        Instant.parse("2014-12-10T00:00:00Z"), Optional.of("yes")),
                new Window("* Beta: \"freeze\" # not a comment\nsecond line", WindowKind.FREEZE,
                        Instant.parse("2014-10-14T14:00:00Z"), Instant.parse("2014-11-04T14:00:00Z")),
                new Window("2014-12-09", WindowKind.RELEASE, Instant.parse("2014-12-09T00:00:00Z"),
                        Instant.parse("2014-12-09T00:01:00Z"))),
                List.of(MIRROR_SYNC,
                        RecurringWindow.of("Two weeks", WindowKind.FREEZE, "0 0 1 JAN,JUL *", Duration.ofDays(15)
                                .plusMinutes(1).plusSeconds(5), ZoneId.of("Europe/Prague")),
                        RecurringWindow.of("True", WindowKind.RELEASE, "0 12 * * 1-5", Duration.ofDays(7), ZoneOffset.UTC)));
        String yaml = CalendarYaml.write(calendar);
        assertThat(CalendarYaml.read(yaml, "calendar.yaml")).isEqualTo(calendar);
        assertThat(yaml).contains("duration: 2w1d1m5s").contains("duration: 1w");
    }

    @Test
    void every_problem_is_reported_at_its_line_and_column() {
        assertThat(problems("""
                windows:
                  - name: Fedora 21 Final freeze
                    kind: frozen
                    start: 2014-11-25
                    end: 2014-11-20
                  - name: Fedora 21 Final release
                    kind: release
                    start: 2014-12-32
                    end: 20141210
                    owner: releng
                  - kind: freeze
                    start: 2014-12-09T14:00:00
                    end: 2014-12-10
                recurring:
                  - name: Weekly mirror sync freeze
                    kind: freeze
                    cron: "0 20 * * FRX"
                    duration: 4 hours
                    zone: America/Boston
                  - name: Nothing
                    kind: release
                    cron: 0 20 * * FRI
                    duration: 0m
                calendar: fedora
                """)).containsExactly(
                "calendar.yaml:3:11: kind must be release or freeze, not 'frozen'",
                "calendar.yaml:5:10: end 2014-11-20 is not after start 2014-11-25",
                "calendar.yaml:8:12: start '2014-12-32' is not a date (2014-11-25) or an instant (2014-11-25T14:00:00Z)",
                "calendar.yaml:9:10: end '20141210' is not a date (2014-11-25) or an instant (2014-11-25T14:00:00Z)",
                "calendar.yaml:10:12: unknown key 'owner' in a window (known: end, kind, name, source, start)",
                "calendar.yaml:11:5: 'name' is missing",
                "calendar.yaml:12:12: start '2014-12-09T14:00:00' is not a date (2014-11-25) or an instant"
                        + " (2014-11-25T14:00:00Z)",
                "calendar.yaml:17:11: the day-of-week field 'FRX' of '0 20 * * FRX': 'FRX' is not a number 0-7 or a day"
                        + " name (MON..SUN)",
                "calendar.yaml:18:15: duration '4 hours' is not a length such as 30m, 4h, 2d, 1w or 1h30m",
                "calendar.yaml:19:11: unknown time zone 'America/Boston' (use a name such as Europe/Prague or America/New_York)",
                "calendar.yaml:23:15: duration '0m' is not a length such as 30m, 4h, 2d, 1w or 1h30m longer than 0",
                "calendar.yaml:24:11: unknown key 'calendar' in the calendar (known: recurring, windows)");
    }

    @Test
    void a_file_of_the_wrong_shape_is_refused_at_its_place() {
        assertThat(problems("- name: x\n")).containsExactly(
                "calendar.yaml:1:1: a calendar file is a mapping with 'windows' and 'recurring', not an array");
        assertThat(problems("windows:\n  name: x\nrecurring:\n  - just text\n")).containsExactly(
                "calendar.yaml:2:3: 'windows' must be a list, not an object",
                "calendar.yaml:4:5: an entry of 'recurring' must be a mapping, not a string");
        assertThat(problems("windows:\n  - name: [a, b]\n    kind: freeze\n    start: 2014-11-25\n    end: 2014-12-09\n"))
                .containsExactly("calendar.yaml:2:11: 'name' must be a text, not an array");
    }

    @Test
    void a_yaml_syntax_error_is_reported_with_its_position() {
        assertThatThrownBy(() -> CalendarYaml.read("windows:\n  - name: \"unclosed\n", "calendar.yaml"))
                .isInstanceOf(CalendarException.class)
                .hasMessage("calendar.yaml:3:1: malformed YAML: while scanning a quoted scalar: found unexpected end of stream");
        assertThatThrownBy(() -> CalendarYaml.read("", "calendar.yaml"))
                .hasMessage("calendar.yaml: the file is empty");
    }
}

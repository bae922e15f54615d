package org.breakwater.calendar.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.calendar.Classifier;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.junit.jupiter.api.Test;

/** iCalendar import: the Fedora 21 schedule as exported, recurrence rules, exceptions, and errors at their lines. */
class IcsReaderTest {
    private static final String FEDORA = "fedora-21-schedule.ics";
    private static final Instant HORIZON = at("2016-01-01T00:00:00Z");
    private static final Classifier ALL = Classifier.everything(WindowKind.FREEZE);

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IcsReaderTest.class.getResourceAsStream("/calendar/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A calendar around the given VEVENT lines, LF line ends: the events start on line 4. */
    private static String calendar(String... lines) {
        return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n" + String.join("\n", lines) + "\nEND:VCALENDAR\n";
    }

    private static IcsReader.Parsed read(String text) throws CalendarException {
        return IcsReader.read(text, "test.ics", ALL, HORIZON);
    }

    private static List<Instant> starts(IcsReader.Parsed parsed) {
        return parsed.windows().stream().map(Window::start).toList();
    }

    private static Window window(String name, WindowKind kind, String start, String end, String uid) {
        return new Window(name, kind, at(start), at(end), Optional.of(FEDORA + " " + uid));
    }

    @Test
    void the_fedora_21_schedule_gives_its_freezes_and_releases() throws Exception {
        IcsReader.Parsed parsed = IcsReader.read(resource(FEDORA), FEDORA, Classifier.defaults(), HORIZON);
        assertThat(parsed.windows()).containsExactly(
                // 16:00 Prague summer time is 14:00 UTC
                window("Alpha Freeze (14:00 UTC)", WindowKind.FREEZE, "2014-08-26T14:00:00Z", "2014-09-23T14:00:00Z",
                        "f21-alpha-freeze@fedoraproject.org"),
                // all day, DTEND exclusive; the escaped comma is a comma
                window("Fedora 21 Alpha Release, public availability", WindowKind.RELEASE, "2014-09-23T00:00:00Z",
                        "2014-09-24T00:00:00Z", "f21-alpha-release@fedoraproject.org"),
                // starts in CEST (UTC+2), ends in CET (UTC+1): both 14:00 UTC
                window("Beta Freeze (14:00 UTC)", WindowKind.FREEZE, "2014-10-14T14:00:00Z", "2014-11-04T14:00:00Z",
                        "f21-beta-freeze@fedoraproject.org"),
                // all day without DTEND: one day
                window("Fedora 21 Beta Release", WindowKind.RELEASE, "2014-11-04T00:00:00Z", "2014-11-05T00:00:00Z",
                        "f21-beta-release@fedoraproject.org"),
                // UTC start with DURATION:P14D; the summary was folded mid-word
                window("Final Freeze (change deadline: only blocker and freeze-exception fixes go to stable)",
                        WindowKind.FREEZE, "2014-11-25T14:00:00Z", "2014-12-09T14:00:00Z",
                        "f21-final-freeze@fedoraproject.org"),
                window("Fedora 21 Final Release (GA)", WindowKind.RELEASE, "2014-12-09T00:00:00Z", "2014-12-10T00:00:00Z",
                        "f21-final-release@fedoraproject.org"));
        assertThat(parsed.warnings()).containsExactly("fedora-21-schedule.ics: 4 events neither a release nor a freeze,"
                + " skipped: Mass rebuild, Branch Fedora 21 from Rawhide, Fedora 21 Final Go/No-Go meeting,"
                + " Blocker bug review meeting");
    }

    @Test
    void the_fixture_is_exported_with_crlf_line_ends_and_folded_lines() throws Exception {
        String text = resource(FEDORA);
        assertThat(text).contains("\r\n ixes go to stable)\r\n").contains("Release\\, public");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void a_daily_rule_with_a_count_gives_that_many_occurrences() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "UID:sync", "SUMMARY:Mirror sync freeze",
                "DTSTART:20141201T200000Z", "DTEND:20141201T220000Z", "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT"));
        assertThat(parsed.windows()).extracting(Window::start, Window::end).containsExactly(
                tuple(at("2014-12-01T20:00:00Z"), at("2014-12-01T22:00:00Z")),
                tuple(at("2014-12-02T20:00:00Z"), at("2014-12-02T22:00:00Z")),
                tuple(at("2014-12-03T20:00:00Z"), at("2014-12-03T22:00:00Z")));
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void a_fortnightly_rule_by_day_keeps_local_time_across_dst_and_stops_at_until() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Change window",
                "DTSTART;TZID=America/New_York:20141021T200000", "DURATION:PT2H",
                "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20141121T000000Z", "END:VEVENT"));
        // Tuesdays and Thursdays of every other week at 20:00 New York time; 20 November 20:00 EST
        // (21 November 01:00 UTC) is after UNTIL
        assertThat(starts(parsed)).containsExactly(at("2014-10-22T00:00:00Z"), at("2014-10-24T00:00:00Z"),
                at("2014-11-05T01:00:00Z"), at("2014-11-07T01:00:00Z"), at("2014-11-19T01:00:00Z"));
        assertThat(parsed.windows().get(2).end()).isEqualTo(at("2014-11-05T03:00:00Z"));
    }

    @Test
    void a_weekly_rule_starting_on_an_unlisted_day_still_counts_dtstart_first() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze", "DTSTART:20141203T100000Z",
                "DTEND:20141203T110000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO,FR;COUNT=3;WKST=SU", "END:VEVENT"));
        assertThat(starts(parsed)).containsExactly(at("2014-12-03T10:00:00Z"), at("2014-12-05T10:00:00Z"),
                at("2014-12-08T10:00:00Z"));
    }

    @Test
    void a_monthly_rule_on_the_31st_skips_the_months_without_one() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Month-end freeze",
                "DTSTART;VALUE=DATE:20141031", "RRULE:FREQ=MONTHLY;COUNT=4", "END:VEVENT"));
        assertThat(starts(parsed)).containsExactly(at("2014-10-31T00:00:00Z"), at("2014-12-31T00:00:00Z"),
                at("2015-01-31T00:00:00Z"), at("2015-03-31T00:00:00Z"));
        assertThat(parsed.windows().get(0).end()).isEqualTo(at("2014-11-01T00:00:00Z"));
    }

    @Test
    void an_endless_yearly_rule_is_expanded_up_to_the_horizon() throws Exception {
        IcsReader.Parsed parsed = IcsReader.read(calendar("BEGIN:VEVENT", "SUMMARY:Anniversary release",
                "DTSTART;VALUE=DATE:20141209", "RRULE:FREQ=YEARLY", "END:VEVENT"), "test.ics", ALL,
                at("2016-12-09T00:00:00Z"));
        assertThat(starts(parsed)).containsExactly(at("2014-12-09T00:00:00Z"), at("2015-12-09T00:00:00Z"));
    }

    @Test
    void exdate_removes_occurrences_by_instant_or_by_date() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Nightly freeze",
                "DTSTART;TZID=Europe/Prague:20141201T220000", "DTEND;TZID=Europe/Prague:20141201T230000",
                "RRULE:FREQ=DAILY;COUNT=5", "EXDATE;TZID=Europe/Prague:20141202T220000",
                "EXDATE;VALUE=DATE:20141204,20141205", "END:VEVENT"));
        // COUNT=5 counts the excluded days too: 1st and 3rd are left
        assertThat(starts(parsed)).containsExactly(at("2014-12-01T21:00:00Z"), at("2014-12-03T21:00:00Z"));
    }

    @Test
    void an_occurrence_moved_with_recurrence_id_replaces_the_original() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "UID:weekly@example.org", "SUMMARY:Weekly freeze",
                "DTSTART:20141201T100000Z", "DTEND:20141201T120000Z", "RRULE:FREQ=WEEKLY;COUNT=3", "END:VEVENT",
                "BEGIN:VEVENT", "UID:weekly@example.org", "RECURRENCE-ID:20141208T100000Z", "SUMMARY:Weekly freeze (moved)",
                "DTSTART:20141209T100000Z", "DTEND:20141209T120000Z", "END:VEVENT"));
        assertThat(parsed.windows()).extracting(Window::name, Window::start).containsExactly(
                tuple("Weekly freeze", at("2014-12-01T10:00:00Z")),
                tuple("Weekly freeze (moved)", at("2014-12-09T10:00:00Z")),
                tuple("Weekly freeze", at("2014-12-15T10:00:00Z")));
    }

    @Test
    void rdate_adds_occurrences() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze", "DTSTART:20141201T100000Z",
                "DURATION:PT1H", "RDATE:20141224T100000Z,20141231T100000Z", "END:VEVENT"));
        assertThat(starts(parsed)).containsExactly(at("2014-12-01T10:00:00Z"), at("2014-12-24T10:00:00Z"),
                at("2014-12-31T10:00:00Z"));
    }

    @Test
    void a_rule_with_parts_breakwater_does_not_read_keeps_the_first_occurrence_and_says_so() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Patch Tuesday freeze",
                "DTSTART:20141209T180000Z", "DURATION:PT6H", "RRULE:FREQ=MONTHLY;BYDAY=2TU", "END:VEVENT"));
        assertThat(starts(parsed)).containsExactly(at("2014-12-09T18:00:00Z"));
        assertThat(parsed.warnings()).containsExactly("test.ics:4: 'Patch Tuesday freeze' recurs by BYDAY=2TU,"
                + " which Breakwater does not read; only its first occurrence is used");
    }

    @Test
    void an_endless_rule_stops_at_ten_thousand_occurrences_with_a_warning() throws Exception {
        IcsReader.Parsed parsed = IcsReader.read(calendar("BEGIN:VEVENT", "SUMMARY:Daily freeze",
                "DTSTART:20141201T100000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY", "END:VEVENT"), "test.ics", ALL,
                at("2100-01-01T00:00:00Z"));
        assertThat(parsed.windows()).hasSize(10_000);
        assertThat(parsed.warnings()).containsExactly("test.ics:4: 'Daily freeze' recurs more than 10000 times before"
                + " the horizon; only the first 10000 are used");
    }

    @Test
    void lines_folded_with_a_space_or_a_tab_are_joined_and_text_escapes_undone() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze\\; backslash \\\\ and\\, com",
                "\tma\\nsecond line", "DTSTART:20141201T100000Z", "DURATION:PT1H", "END:VEVENT"));
        assertThat(parsed.windows()).extracting(Window::name)
                .containsExactly("Freeze; backslash \\ and, comma\nsecond line");
    }

    @Test
    void floating_times_are_read_as_utc_and_a_prefixed_tzid_finds_its_zone() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Floating freeze",
                "DTSTART:20141201T100000", "DTEND:20141201T120000", "END:VEVENT",
                "BEGIN:VEVENT", "SUMMARY:Old Thunderbird freeze",
                "DTSTART;TZID=\"/mozilla.org/20050126_1/Europe/Prague\":20141201T100000", "DURATION:PT1H", "END:VEVENT"));
        assertThat(parsed.windows()).extracting(Window::name, Window::start).containsExactly(
                tuple("Old Thunderbird freeze", at("2014-12-01T09:00:00Z")),
                tuple("Floating freeze", at("2014-12-01T10:00:00Z")));
    }

    @Test
    void an_event_that_lasts_no_time_is_skipped_with_a_warning_and_so_are_cancelled_ones() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze reminder", "DTSTART:20141201T100000Z",
                "END:VEVENT", "BEGIN:VEVENT", "SUMMARY:Old freeze", "STATUS:CANCELLED", "DTSTART;VALUE=DATE:20141201",
                "END:VEVENT", "BEGIN:VEVENT", "SUMMARY:No start", "END:VEVENT"));
        assertThat(parsed.windows()).isEmpty();
        assertThat(parsed.warnings()).containsExactly(
                "test.ics:4: 'Freeze reminder' lasts no time (no DTEND or DURATION), skipped",
                "test.ics:13: 'No start' has no DTSTART, skipped",
                "test.ics: 1 event cancelled, skipped");
    }

    @Test
    void a_file_without_begin_vcalendar_is_refused_at_its_first_line() {
        assertThatThrownBy(() -> read("BEGIN:VEVENT\nSUMMARY:Freeze\nEND:VEVENT\n"))
                .isInstanceOf(CalendarException.class)
                .hasMessage("test.ics:1: not an iCalendar file: it must begin with BEGIN:VCALENDAR");
        assertThatThrownBy(() -> read("\n\n")).hasMessage(
                "test.ics: the file is empty; an iCalendar file begins with BEGIN:VCALENDAR");
        assertThatThrownBy(() -> read("<html>\n<body>Not found</body>\n")).hasMessage("test.ics:1: '<html>' is not an"
                + " iCalendar content line (NAME:value or NAME;PARAM=value:value)");
    }

    @Test
    void an_unterminated_event_is_reported_at_the_line_it_begins() {
        CalendarException e = org.junit.jupiter.api.Assertions.assertThrows(CalendarException.class, () -> read(
                "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Freeze\nDTSTART:20141201T100000Z\n"));
        assertThat(e).hasMessage("test.ics:3: the event begun here is never closed: the file ends before END:VEVENT");
        assertThat(e.file()).isEqualTo("test.ics");
        assertThat(e.line()).isEqualTo(3);
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "SUMMARY:One", "BEGIN:VEVENT", "SUMMARY:Two", "END:VEVENT")))
                .hasMessage("test.ics:6: BEGIN:VEVENT inside the event begun at line 4: END:VEVENT is missing");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "BEGIN:VALARM", "END:VEVENT")))
                .hasMessage("test.ics:6: END:VEVENT does not close BEGIN:VALARM of line 5");
        assertThatThrownBy(() -> read("BEGIN:VCALENDAR\nVERSION:2.0\n"))
                .hasMessage("test.ics:1: BEGIN:VCALENDAR is never closed: the file ends before END:VCALENDAR");
    }

    @Test
    void a_bad_date_is_reported_at_its_line() {
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze", "DTSTART:20141332T100000Z", "END:VEVENT")))
                .hasMessageStartingWith("test.ics:6: DTSTART '20141332T100000Z' is not a real date or time: ");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze", "DTSTART:2014-12-01", "END:VEVENT")))
                .hasMessage("test.ics:6: DTSTART '2014-12-01' is not a date (YYYYMMDD) or a date-time"
                        + " (YYYYMMDDTHHMMSS, with Z for UTC)");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze", "DTSTART;VALUE=DATE:20141201T100000",
                "END:VEVENT"))).hasMessage("test.ics:6: DTSTART '20141201T100000' is not a date (YYYYMMDD)");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "SUMMARY:Freeze", "DTSTART:20141201T100000Z",
                "DTEND:20141201", "EXDATE:2014120", "END:VEVENT")))
                .hasMessage("test.ics:8: EXDATE '2014120' is not a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, with Z for UTC)");
    }

    @Test
    void bad_zones_durations_and_rules_are_reported_at_their_lines() {
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "DTSTART;TZID=Central European Standard Time:20141201T100000",
                "END:VEVENT"))).hasMessage("test.ics:5: unknown time zone 'Central European Standard Time' in DTSTART"
                + " (Breakwater reads IANA zone names such as Europe/Prague)");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "DTSTART:20141201T100000Z", "DURATION:PT", "END:VEVENT")))
                .hasMessage("test.ics:6: DURATION 'PT' is not a duration such as P1D, PT4H30M or P2W");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "DTSTART:20141201T100000Z", "DURATION:PT1H",
                "RRULE:FREQ=DAILY;COUNT=2;UNTIL=20141231", "END:VEVENT")))
                .hasMessage("test.ics:7: RRULE 'FREQ=DAILY;COUNT=2;UNTIL=20141231': COUNT and UNTIL cannot both be given");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "DTSTART:20141201T100000Z", "DURATION:PT1H",
                "RRULE:INTERVAL=2", "END:VEVENT"))).hasMessage("test.ics:7: RRULE 'INTERVAL=2': FREQ is missing");
        assertThatThrownBy(() -> read(calendar("BEGIN:VEVENT", "DTSTART:20141201T100000Z", "DTSTART:20141202T100000Z",
                "END:VEVENT"))).hasMessage("test.ics:6: DTSTART appears twice in the event begun at line 4");
    }

    @Test
    void parameters_may_be_quoted_and_hold_colons() throws Exception {
        IcsReader.Parsed parsed = read(calendar("BEGIN:VEVENT", "SUMMARY;ALTREP=\"http://example.org/a;b:c\":Freeze",
                "DTSTART;VALUE=DATE:20141201", "END:VEVENT"));
        assertThat(parsed.windows()).extracting(Window::name).containsExactly("Freeze");
    }
}

package org.breakwater.calendar.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.breakwater.calendar.CalendarEvent;
import org.breakwater.calendar.Classifier;
import org.breakwater.calendar.Window;
import org.breakwater.calendar.WindowKind;
import org.junit.jupiter.api.Test;

/** The deployment schedule as an iCalendar feed: exact layout, folding at 75 octets, escaping, and a round trip. */
class IcsWriterTest {
    private static final Instant STAMP = Instant.parse("2014-11-20T10:00:00Z");
    private static final CalendarEvent PKGDB = new CalendarEvent("deployment-17@breakwater.example.org",
            "pkgdb2 2.0 to production", "Planned by Pierre-Yves Chibon", Instant.parse("2014-12-11T18:00:00Z"),
            Instant.parse("2014-12-11T20:00:00Z"), Optional.of("https://breakwater.example.org/plans/17"));

    @Test
    void a_feed_has_the_calendar_header_and_one_vevent_per_deployment_with_crlf_line_ends() {
        assertThat(IcsWriter.write("Fedora infrastructure deployments", List.of(PKGDB), STAMP)).isEqualTo(
                "BEGIN:VCALENDAR\r\n"
                + "PRODID:-//Breakwater//Deployment schedule//EN\r\n"
                + "VERSION:2.0\r\n"
                + "CALSCALE:GREGORIAN\r\n"
                + "METHOD:PUBLISH\r\n"
                + "NAME:Fedora infrastructure deployments\r\n"
                + "X-WR-CALNAME:Fedora infrastructure deployments\r\n"
                + "BEGIN:VEVENT\r\n"
                + "UID:deployment-17@breakwater.example.org\r\n"
                + "DTSTAMP:20141120T100000Z\r\n"
                + "DTSTART:20141211T180000Z\r\n"
                + "DTEND:20141211T200000Z\r\n"
                + "SUMMARY:pkgdb2 2.0 to production\r\n"
                + "DESCRIPTION:Planned by Pierre-Yves Chibon\r\n"
                + "URL:https://breakwater.example.org/plans/17\r\n"
                + "END:VEVENT\r\n"
                + "END:VCALENDAR\r\n");
    }

    @Test
    void an_empty_schedule_is_a_calendar_without_events_and_an_empty_description_is_left_out() {
        CalendarEvent bare = new CalendarEvent("d1", "pkgdb2", "", PKGDB.start(), PKGDB.end(), Optional.empty());
        String feed = IcsWriter.write("Empty", List.of(bare), STAMP);
        assertThat(feed).doesNotContain("DESCRIPTION").doesNotContain("URL");
        assertThat(IcsWriter.write("Empty", List.of(), STAMP)).doesNotContain("VEVENT").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void text_escapes_backslash_semicolon_comma_and_line_breaks() {
        assertThat(IcsWriter.escape("a\\b;c,d\ne\r\nf\rg\th\u0007i"))
                .isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng\th" + "i");
    }

    @Test
    void long_lines_are_folded_so_that_no_line_passes_75_octets() {
        String description = "Outage of pkgdb2, the package database, while it moves to the new schema; "
                .repeat(5);
        String feed = IcsWriter.write("Deployments", List.of(new CalendarEvent("d1", "pkgdb2", description,
                PKGDB.start(), PKGDB.end(), Optional.empty())), STAMP);
        List<String> lines = Arrays.asList(feed.split("\r\n"));
        assertThat(lines).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(lines.stream().filter(l -> l.startsWith(" ")).count()).isEqualTo(5);
        assertThat(feed.replace("\r\n ", "")).contains("DESCRIPTION:" + IcsWriter.escape(description) + "\r\n");
    }

    @Test
    void folding_never_splits_a_multi_byte_character() {
        // "DESCRIPTION:" is 12 octets; 62 more make 74, so "č" (2 octets) must go to the next line whole
        String description = "a".repeat(62) + "čšž" + "€".repeat(30) + "🚀".repeat(20);
        String feed = IcsWriter.write("Deployments", List.of(new CalendarEvent("d1", "pkgdb2", description,
                PKGDB.start(), PKGDB.end(), Optional.empty())), STAMP);
        List<String> lines = Arrays.asList(feed.split("\r\n"));
        int first = lines.indexOf("DESCRIPTION:" + "a".repeat(62));
        assertThat(first).isPositive();
        assertThat(lines.get(first + 1)).startsWith(" čšž€");
        assertThat(lines).allSatisfy(l -> {
            byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(l).doesNotContain("\uFFFD");
        });
        assertThat(feed.replace("\r\n ", "")).contains("DESCRIPTION:" + description + "\r\n");
    }

    @Test
    void what_the_writer_writes_the_reader_reads_back() throws Exception {
        List<CalendarEvent> events = List.of(PKGDB,
                new CalendarEvent("deployment-18@breakwater.example.org", "koji-hub; fas, and \\ mirrors: \"all\"",
                        "Two lines\nof description, with ünïcödé", Instant.parse("2015-01-05T14:00:00Z"),
                        Instant.parse("2015-01-05T16:30:00Z"), Optional.empty()),
                new CalendarEvent("deployment-19@breakwater.example.org", "Fedora 21 mirror manager — " + "x".repeat(100),
                        "", Instant.parse("2015-01-06T14:00:00Z"), Instant.parse("2015-01-06T15:00:00Z"), Optional.empty()));
        String feed = IcsWriter.write("Deployments", events, STAMP);
        IcsReader.Parsed parsed = IcsReader.read(feed, "feed.ics", Classifier.everything(WindowKind.RELEASE),
                Instant.parse("2016-01-01T00:00:00Z"));
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.windows()).containsExactly(events.stream().map(e -> new Window(e.summary(), WindowKind.RELEASE,
                e.start(), e.end(), Optional.of("feed.ics " + e.uid()))).toArray(Window[]::new));
    }

    @Test
    void times_are_written_in_utc_to_the_second() {
        assertThat(IcsWriter.time(Instant.parse("2014-12-11T18:00:59.999Z"))).isEqualTo("20141211T180059Z");
    }

    @Test
    void an_event_must_end_after_it_starts_and_its_url_must_be_one_token() {
        assertThatThrownBy(() -> new CalendarEvent("d1", "x", "", PKGDB.end(), PKGDB.start(), Optional.empty()))
                .hasMessage("event 'd1' ends (2014-12-11T18:00:00Z) before it starts (2014-12-11T20:00:00Z)");
        assertThatThrownBy(() -> new CalendarEvent("d1", "x", "", PKGDB.start(), PKGDB.end(),
                Optional.of("https://example.org/a b"))).hasMessage("the url of event 'd1' contains spaces or control characters");
    }
}

package org.breakwater.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.meeting.MinutesReaderTest.fixture;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every way a file can fail to be minutes gets a one-line reason, and nothing half-read. */
class MinutesBadInputTest {
    private final MinutesReader reader = new MinutesReader();

    private ReadResult.Refused refused(String name, byte[] bytes) {
        return refused(reader.read(name, bytes));
    }

    private static ReadResult.Refused refused(ReadResult r) {
        assertThat(r).isInstanceOf(ReadResult.Refused.class);
        ReadResult.Refused refused = (ReadResult.Refused) r;
        assertThat(refused.reason()).doesNotContain("\n").doesNotContain("Exception");
        return refused;
    }

    private Minutes read(String name, byte[] bytes) {
        ReadResult r = reader.read(name, bytes);
        assertThat(r).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) r).minutes();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String ext) {
        return new String(fixture(ext), StandardCharsets.UTF_8);
    }

    @Test
    void a_file_in_an_unknown_format_is_refused_saying_what_was_expected() {
        ReadResult.Refused r = refused("notes.md", utf8("# Notes\n\nWe talked about pkgdb2.\n"));
        assertThat(r.reason()).startsWith("unknown format: not MeetBot minutes");
        assertThat(r.message("notes.md")).startsWith("notes.md: unknown format");
    }

    @Test
    void an_html_page_that_is_not_meetbots_is_refused_as_an_unknown_format() {
        assertThat(refused("page.html", utf8("<html><body><h1>Hello</h1><p>nothing here</p></body></html>")).reason())
                .startsWith("unknown format");
    }

    @Test
    void binary_data_is_refused_as_an_unknown_format() {
        assertThat(refused("minutes.txt", new byte[] {'P', 'K', 3, 4, 0, 0, 1}).reason())
                .startsWith("unknown format: binary data");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(refused("empty.txt", utf8("\n \n")).reason()).isEqualTo("empty: no minutes in it");
    }

    @Test
    void a_log_cut_before_endmeeting_is_read_up_to_the_cut_and_flagged_truncated() {
        String log = text(".log.txt");
        Minutes m = read("cut.log.txt", utf8(log.substring(0, log.indexOf("18:09:52"))));
        assertThat(m.truncated()).isTrue();
        assertThat(m.end()).isEmpty();
        assertThat(m.items(ItemKind.AGREED)).extracting(MinutesItem::text).containsExactly(
                "BW-12 pkgdb2 deployment on 2014-06-09 (fas 0.8.19 goes out with it)", "fedocal is not essential");
    }

    @Test
    void a_log_cut_in_the_middle_of_a_line_drops_only_that_line() {
        String log = text(".log.txt");
        Minutes m = read("cut.log.txt", utf8(log.substring(0, log.indexOf("18:09:30") + 5)));
        assertThat(m.truncated()).isTrue();
        assertThat(m.items(ItemKind.AGREED)).hasSize(1);
    }

    @Test
    void text_minutes_cut_inside_an_item_are_read_up_to_that_item_and_flagged_truncated() {
        String txt = text(".txt");
        Minutes m = read("cut.txt", utf8(txt.substring(0, txt.indexOf("(pingou, 18:09:52)"))));
        assertThat(m.truncated()).isTrue();
        assertThat(m.items(ItemKind.AGREED)).hasSize(2);
        assertThat(m.items(ItemKind.IDEA)).isEmpty();
    }

    @Test
    void html_minutes_cut_before_the_end_are_flagged_truncated() {
        String html = text(".html");
        Minutes m = read("cut.html", utf8(html.substring(0, html.indexOf("Meeting ended"))));
        assertThat(m.truncated()).isTrue();
        assertThat(m.items(ItemKind.AGREED)).hasSize(3);
    }

    @Test
    void a_summary_item_without_its_nick_and_time_is_refused_with_its_line_and_column() {
        String txt = text(".txt").replace("  (nirik, 18:09:30)", "");
        ReadResult.Refused r = refused("edited.txt", utf8(txt));
        assertThat(r.message("edited.txt")).isEqualTo(
                "edited.txt:34:1: a summary item without MeetBot's \"(nick, HH:MM:SS)\" at its end");
    }

    @Test
    void a_line_in_the_middle_of_a_log_that_is_not_a_log_line_is_refused_with_its_line() {
        String log = text(".log.txt").replace("18:09:03 <relrod>", "[relrod]");
        ReadResult.Refused r = refused("edited.log.txt", utf8(log));
        assertThat(r.line()).isEqualTo(34);
        assertThat(r.reason()).isEqualTo("not a MeetBot log line (expected 'HH:MM:SS <nick> text')");
    }

    @Test
    void a_latin1_log_is_refused_with_the_line_and_column_of_the_first_byte_that_is_not_utf8() {
        byte[] latin1 = "18:00:07 <nirik> #startmeeting Infrastructure (2014-06-05)\n18:00:14 * gomix Guillermo G\u00f3mez saludos\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        ReadResult.Refused r = refused("latin1.log.txt", latin1);
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.column()).isEqualTo(29);
        assertThat(r.reason()).startsWith("not UTF-8: byte 0xF3 cannot be read as UTF-8").contains("iconv");
    }

    @Test
    void a_utf16_file_is_refused_naming_its_encoding() {
        assertThat(refused("u16.txt", text(".txt").getBytes(StandardCharsets.UTF_16)).reason()).startsWith("in UTF-16");
    }

    @Test
    void a_utf8_byte_order_mark_is_skipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] log = fixture(".log.txt");
        byte[] both = new byte[bom.length + log.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(log, 0, both, 3, log.length);
        assertThat(read("bom.log.txt", both).items()).hasSize(15);
    }

    @Test
    void a_file_over_the_byte_limit_is_refused() {
        MinutesReader small = new MinutesReader(new MinutesLimits(1000, 100, 1000));
        assertThat(refused(small.read("big.log.txt", fixture(".log.txt"))).reason())
                .isEqualTo("too large: 3040 bytes, the limit for one minutes file is 1000");
    }

    @Test
    void a_stream_that_never_ends_is_refused_after_reading_one_byte_more_than_the_limit() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'a';
            }
        };
        MinutesReader small = new MinutesReader(new MinutesLimits(4096, 100, 1000));
        assertThat(refused(small.read("endless", endless)).reason()).startsWith("too large: more than 4096 bytes");
        assertThat(served.get()).isEqualTo(4097);
    }

    @Test
    void a_file_with_too_many_lines_is_refused() {
        MinutesReader small = new MinutesReader(new MinutesLimits(1_000_000, 20, 1000));
        ReadResult.Refused r = refused(small.read("long.log.txt", fixture(".log.txt")));
        assertThat(r.message("long.log.txt")).isEqualTo("long.log.txt:21: too many lines: more than 20");
    }

    @Test
    void a_line_over_the_length_limit_is_refused_with_its_line_and_column() {
        MinutesReader small = new MinutesReader(new MinutesLimits(1_000_000, 1000, 100));
        ReadResult.Refused r = refused(small.read("wide.log.txt", fixture(".log.txt")));
        assertThat(r.message("wide.log.txt")).isEqualTo("wide.log.txt:2:101: line longer than 100 characters");
    }

    @Test
    void a_log_without_startmeeting_is_refused() {
        assertThat(refused("chat.log.txt", utf8("18:00:07 <nirik> morning\n18:00:09 <pingou> hi\n")).reason())
                .isEqualTo("no #startmeeting in the log: not a MeetBot meeting");
    }

    @Test
    void a_log_with_no_date_anywhere_is_refused_saying_where_the_date_was_looked_for() {
        ReadResult.Refused r = refused("upload", utf8("18:00:07 <nirik> #startmeeting Infrastructure\n"
                + "18:00:09 <nirik> #agreed fedocal is not essential\n18:01:00 <nirik> #endmeeting\n"));
        assertThat(r.reason()).startsWith("no meeting date found");
    }

    @Test
    void a_log_with_no_date_in_it_takes_the_date_from_meetbots_file_name() {
        Minutes m = read("infrastructure.2014-06-12-18.00.log.txt", utf8("18:00:07 <nirik> #startmeeting Infrastructure\n"
                + "18:01:00 <nirik> #endmeeting\n"));
        assertThat(m.date()).hasToString("2014-06-12");
    }

    @Test
    void a_summary_item_of_60000_spaces_is_refused_without_quadratic_backtracking() {
        // the first pattern tried here took 4.3 s on a 65,000-space line (lazy prefix + \\s+ backtracking)
        String txt = text(".txt").replace("  * AGREED: fedocal is not essential  (nirik, 18:09:30)",
                "  * x" + " ".repeat(60_000) + "y");
        assertThat(refused("spaces.txt", utf8(txt)).line()).isEqualTo(34);
    }

    @Test
    void html_minutes_with_an_item_missing_its_details_are_refused_with_the_items_line() {
        String html = text(".html").replace("<span class=\"details\">(<a\n    href='infrastructure.2014-06-05-18.00.log.html#l-35'>nirik</a>,\n    18:09:30)</span>", "");
        assertThat(html).isNotEqualTo(text(".html"));
        ReadResult.Refused r = refused("edited.html", utf8(html));
        assertThat(r.message("edited.html")).isEqualTo("edited.html:81: a summary item without MeetBot's \"(nick, HH:MM:SS)\"");
    }
}

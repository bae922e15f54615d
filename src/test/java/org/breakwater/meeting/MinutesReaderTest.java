package org.breakwater.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One 2014 infrastructure meeting, in each file MeetBot writes for it, read to the same minutes. */
class MinutesReaderTest {
    static final String BASE = "infrastructure.2014-06-05-18.00";
    private final MinutesReader reader = new MinutesReader();

    static byte[] fixture(String ext) {
        try (InputStream in = MinutesReaderTest.class.getResourceAsStream("/meeting/" + BASE + ext)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Minutes minutes(String ext) {
        ReadResult r = new MinutesReader().read(BASE + ext, fixture(ext));
        assertThat(r).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) r).minutes();
    }

    @ParameterizedTest
    @ValueSource(strings = {".txt", ".html", ".log.txt", ".log.html"})
    void every_format_gives_the_meetings_title_date_times_owner_and_people(String ext) {
        Minutes m = minutes(ext);
        assertThat(m.title()).isEqualTo("Infrastructure (2014-06-05)");
        assertThat(m.date()).isEqualTo(LocalDate.of(2014, 6, 5));
        assertThat(m.start()).isEqualTo(LocalTime.of(18, 0, 7));
        assertThat(m.end()).contains(LocalTime.of(18, 12, 0));
        assertThat(m.truncated()).isFalse();
        assertThat(m.owner()).isEqualTo("nirik");
        assertThat(m.chairs()).startsWith("nirik");
        assertThat(m.participants()).containsExactly("bochecha", "nirik", "pingou", "puiterwijk", "relrod", "smooge",
                "threebean", "zodbot");
    }

    @ParameterizedTest
    @ValueSource(strings = {".html", ".log.txt", ".log.html"})
    void every_format_gives_the_same_items_as_the_text_minutes(String ext) {
        assertThat(said(minutes(ext))).containsExactlyElementsOf(said(minutes(".txt")));
    }

    @Test
    void the_text_minutes_give_each_item_with_its_kind_who_said_it_when_and_the_line_it_starts_on() {
        Minutes m = minutes(".txt");
        assertThat(m.format()).isEqualTo(MinutesFormat.TEXT_MINUTES);
        assertThat(m.channel()).contains("#fedora-meeting");
        assertThat(m.items()).hasSize(15);
        assertThat(m.items(ItemKind.TOPIC)).extracting(MinutesItem::text).containsExactly("aloha",
                "New folks introductions and Apprentice tasks", "Applications status / discussion",
                "pkgdb2 deployment date (BW-12)", "fedocal: essential or not?", "Open Floor");
        MinutesItem agreed = m.items(ItemKind.AGREED).get(0);
        assertThat(agreed.text()).isEqualTo("BW-12 pkgdb2 deployment on 2014-06-09 (fas 0.8.19 goes out with it)");
        assertThat(agreed.nick()).isEqualTo("nirik");
        assertThat(agreed.time()).isEqualTo(LocalTime.of(18, 5, 48));
        assertThat(agreed.line()).isEqualTo(26);
        assertThat(m.items(ItemKind.LINK).get(0).text())
                .isEqualTo("https://fedoraproject.org/wiki/Infrastructure/pkgdb2_migration");
        assertThat(m.items(ItemKind.HELP)).extracting(MinutesItem::nick).containsExactly("threebean");
        assertThat(m.items(ItemKind.IDEA)).hasSize(1);
        assertThat(m.items(ItemKind.ACTION).get(0).text())
                .isEqualTo("pingou to send the pkgdb2 outage announcement to infrastructure and devel-announce");
    }

    @Test
    void the_html_minutes_decode_entities_and_give_each_items_source_line() {
        Minutes m = minutes(".html");
        assertThat(m.format()).isEqualTo(MinutesFormat.HTML_MINUTES);
        assertThat(m.channel()).contains("#fedora-meeting");
        assertThat(m.items(ItemKind.INFO)).extracting(MinutesItem::text).contains("fas 0.8.19 & pkgdb2 go out together");
        MinutesItem agreed = m.items(ItemKind.AGREED).get(1);
        assertThat(agreed.text()).isEqualTo("fedocal is not essential");
        assertThat(lineOf(fixture(".html"), agreed.line())).contains("<li><i class=\"itemtype\">AGREED</i>");
    }

    @Test
    void the_log_gives_the_line_each_command_was_said_on_and_every_chair() {
        Minutes m = minutes(".log.txt");
        assertThat(m.format()).isEqualTo(MinutesFormat.TEXT_LOG);
        assertThat(m.channel()).isEmpty();
        assertThat(m.chairs()).containsExactly("nirik", "smooge", "relrod", "abadger1999", "lmacken", "dgilmore",
                "threebean", "pingou", "puiterwijk");
        MinutesItem fedocal = m.items(ItemKind.AGREED).get(1);
        assertThat(lineOf(fixture(".log.txt"), fedocal.line())).isEqualTo("18:09:30 <nirik> #Agreed fedocal is not essential");
    }

    @Test
    void the_html_log_gives_the_line_of_the_html_file_each_command_is_on() {
        Minutes m = minutes(".log.html");
        assertThat(m.format()).isEqualTo(MinutesFormat.HTML_LOG);
        MinutesItem fedocal = m.items(ItemKind.AGREED).get(1);
        assertThat(lineOf(fixture(".log.html"), fedocal.line())).contains("name=\"l-35\"").contains("fedocal is not essential");
    }

    @Test
    void a_non_chairs_agreed_is_left_out_as_meetbot_leaves_it_out() {
        assertThat(minutes(".log.txt").items(ItemKind.AGREED)).extracting(MinutesItem::text)
                .noneMatch(t -> t.contains("we all love fedocal"));
    }

    static List<String> said(Minutes m) {
        return m.items().stream().map(MinutesItem::said).toList();
    }

    static String lineOf(byte[] file, int line) {
        return new String(file, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)[line - 1];
    }

    @Test
    void an_items_wrapped_line_that_starts_with_an_asterisk_is_still_part_of_the_item() {
        String txt = new String(fixture(".txt"), java.nio.charset.StandardCharsets.UTF_8).replace(
                "  * IDEA: publish the fedocal API schema so consumers can check it\n    (pingou, 18:09:52)",
                "  * IDEA: publish the fedocal API schema so consumers can check it\n    * or a diff  (pingou, 18:09:52)");
        ReadResult r = new MinutesReader().read("x.txt", txt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(((ReadResult.Read) r).minutes().items(ItemKind.IDEA)).extracting(MinutesItem::text)
                .containsExactly("publish the fedocal API schema so consumers can check it * or a diff");
    }
}

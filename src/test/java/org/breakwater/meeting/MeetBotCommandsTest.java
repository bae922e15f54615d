package org.breakwater.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The log is read by MeetBot's own rules: any case, chairs only where MeetBot asks for one. */
class MeetBotCommandsTest {
    private static Minutes log(String text) {
        ReadResult r = new MinutesReader().read("infrastructure.2014-06-05-18.00.log.txt",
                text.getBytes(StandardCharsets.UTF_8));
        assertThat(r).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) r).minutes();
    }

    @Test
    void commands_are_matched_whatever_their_case() {
        Minutes m = log("""
                18:00:07 <nirik> #STARTMEETING Infrastructure (2014-06-05)
                18:00:10 <nirik> #Topic fedocal
                18:01:00 <nirik> #AGREED fedocal is not essential
                18:01:10 <nirik> #agreed pkgdb2 deployment on 2014-06-09
                18:01:20 <nirik> #Agreed fas is essential
                18:01:30 <pingou> #HALP reviewers wanted
                18:01:40 <pingou> #Link https://fedoraproject.org/wiki/Infrastructure
                18:02:00 <nirik> #EndMeeting
                """);
        assertThat(m.items(ItemKind.AGREED)).extracting(MinutesItem::text).containsExactly(
                "fedocal is not essential", "pkgdb2 deployment on 2014-06-09", "fas is essential");
        assertThat(m.items(ItemKind.TOPIC)).hasSize(1);
        assertThat(m.items(ItemKind.HELP)).hasSize(1);
        assertThat(m.items(ItemKind.LINK)).hasSize(1);
        assertThat(m.truncated()).isFalse();
    }

    @Test
    void the_text_minutes_headings_and_labels_are_matched_whatever_their_case() {
        String txt = new String(MinutesReaderTest.fixture(".txt"), StandardCharsets.UTF_8)
                .replace("Meeting summary", "MEETING SUMMARY").replace("People Present (lines said)",
                        "People present (lines said)");
        ReadResult r = new MinutesReader().read("x.txt", txt.getBytes(StandardCharsets.UTF_8));
        Minutes m = ((ReadResult.Read) r).minutes();
        assertThat(m.items(ItemKind.AGREED)).hasSize(3);
        assertThat(m.participants()).contains("zodbot");
    }

    @Test
    void commands_before_startmeeting_and_a_non_chairs_chair_only_commands_do_not_count() {
        Minutes m = log("""
                17:59:00 <nirik> #agreed said before the meeting
                18:00:07 <nirik> #startmeeting Infrastructure (2014-06-05)
                18:00:20 <bochecha> #topic hijack
                18:00:30 <bochecha> #chair bochecha
                18:00:40 <bochecha> #agreed fedocal is essential
                18:00:50 <bochecha> #info anyone may say this
                18:00:55 <bochecha> #endmeeting
                18:01:00 <nirik> #endmeeting
                """);
        assertThat(m.items()).extracting(MinutesItem::text).containsExactly("anyone may say this");
        assertThat(m.chairs()).containsExactly("nirik");
        assertThat(m.end()).hasValueSatisfying(t -> assertThat(t).hasToString("18:01"));
    }

    @Test
    void a_chair_can_undo_the_last_item_and_unchair_others_but_not_the_owner() {
        Minutes m = log("""
                18:00:07 <nirik> #startmeeting Infrastructure (2014-06-05)
                18:00:10 <nirik> #chair smooge, pingou
                18:00:20 <smooge> #agreed fedocal is essential
                18:00:30 <smooge> #undo
                18:00:40 <nirik> #unchair smooge nirik
                18:00:50 <smooge> #agreed fas is essential
                18:01:00 <nirik> #endmeeting
                """);
        assertThat(m.items()).isEmpty();
        assertThat(m.chairs()).containsExactly("nirik", "pingou");
    }

    @Test
    void fedoras_matrix_bot_log_with_dates_and_bang_commands_is_read() {
        Minutes m = log("""
                2024-07-23 17:00:03 <@zbyszek:fedora.im> !startmeeting FESCO (2024-07-23)
                2024-07-23 17:00:06 <@meetbot:fedora.im> Meeting started at 2024-07-23 17:00:03 UTC
                2024-07-23 17:02:57 <@zbyszek:fedora.im> !topic #3230 Mass license change
                2024-07-23 17:03:16 <@zbyszek:fedora.im> !info Votes in the ticket: (+5, 0, 0)
                2024-07-23 17:30:00 <@zbyszek:fedora.im> !endmeeting
                """);
        assertThat(m.date()).isEqualTo(LocalDate.of(2024, 7, 23));
        assertThat(m.owner()).isEqualTo("zbyszek:fedora.im");
        assertThat(m.items()).extracting(MinutesItem::text).containsExactly("#3230 Mass license change",
                "Votes in the ticket: (+5, 0, 0)");
    }

    @Test
    void vote_outcomes_are_read_from_a_chair_in_the_log_and_by_their_label_in_the_text_minutes() {
        Minutes m = log("""
                18:00:07 <nirik> #startmeeting Infrastructure (2014-06-05)
                18:00:20 <nirik> #accepted fedocal API freeze (+5, 0, -0)
                18:00:30 <bochecha> #rejected not a chair
                18:00:40 <nirik> #Rejected koji hub move this week (+1, 0, -4)
                18:01:00 <nirik> #endmeeting
                """);
        assertThat(m.items()).extracting(MinutesItem::kind).containsExactly(ItemKind.ACCEPTED, ItemKind.REJECTED);
        String txt = new String(MinutesReaderTest.fixture(".txt"), StandardCharsets.UTF_8)
                .replace("  * IDEA: publish", "  * ACCEPTED: publish");
        Minutes text = ((ReadResult.Read) new MinutesReader().read("x.txt", txt.getBytes(StandardCharsets.UTF_8))).minutes();
        assertThat(text.items(ItemKind.ACCEPTED)).extracting(MinutesItem::text)
                .containsExactly("publish the fedocal API schema so consumers can check it");
    }
}

package org.breakwater.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breakwater.catalog.Tier;
import org.junit.jupiter.api.Test;

/**
 * The bundled default policy (src/main/resources/policy/default-policy.yaml): it reads, it
 * holds exactly what the file says, and docs/policy.md explains each of its keys and gates.
 */
class DefaultPolicyTest {
    private static final Path FILE = Path.of("src/main/resources/policy/default-policy.yaml");
    private static final Policy DEFAULTS = PolicyReader.defaults();

    @Test
    void the_default_names_its_version_and_the_meeting_that_ratified_it() {
        assertThat(DEFAULTS.version()).isEqualTo(1);
        assertThat(DEFAULTS.ratified()).isEqualTo(LocalDate.of(2014, 6, 12));
        assertThat(DEFAULTS.minutes()).contains(
                "https://meetbot.fedoraproject.org/fedora-meeting/2014-06-12/infrastructure.2014-06-12-18.00.html");
    }

    @Test
    void the_default_applies_to_essential_breaks_lets_the_meeting_decide_borderline_and_exempts_leaves() {
        assertThat(DEFAULTS.appliesTo()).isEqualTo(Map.of(
                Tier.ESSENTIAL, Applicability.BREAKS_OR_MAJOR,
                Tier.BORDERLINE, Applicability.MEETING_DECIDES,
                Tier.LEAF, Applicability.NEVER));
    }

    @Test
    void the_default_announces_two_weeks_ahead_to_infrastructure_and_to_devel_for_essential_services() {
        Policy.Announcements a = DEFAULTS.announcements();

        assertThat(a.apiBreakNotice()).isEqualTo(Duration.ofDays(14));
        assertThat(a.outageNotice()).isEqualTo(Duration.ofDays(7));
        assertThat(a.reminders()).containsExactly(Duration.ofDays(3), Duration.ofDays(1));
        assertThat(a.always()).containsExactly("infrastructure@lists.fedoraproject.org");
        assertThat(a.byTier()).isEqualTo(Map.of(Tier.ESSENTIAL, List.of("devel@lists.fedoraproject.org")));
        assertThat(a.listsFor(Tier.ESSENTIAL))
                .containsExactly("infrastructure@lists.fedoraproject.org", "devel@lists.fedoraproject.org");
        assertThat(a.listsFor(Tier.LEAF)).containsExactly("infrastructure@lists.fedoraproject.org");
    }

    @Test
    void the_default_asks_for_one_thursday_meeting_three_green_days_and_a_week_in_staging() {
        assertThat(DEFAULTS.meeting()).isEqualTo(
                new Policy.MeetingRule(1, DayOfWeek.THURSDAY, LocalTime.of(18, 0), ZoneId.of("UTC"),
                        java.util.Optional.of("#fedora-meeting"), java.util.Optional.of("infrastructure@lists.fedoraproject.org"),
                        Duration.ofDays(1), java.util.List.of("meetbot.fedoraproject.org")));
        assertThat(DEFAULTS.staging()).isEqualTo(new Policy.StagingRule(3, true, Duration.ofDays(7), true));
    }

    @Test
    void the_default_asks_for_consumers_two_firefighters_outside_contacts_and_two_freeze_break_approvals() {
        assertThat(DEFAULTS.consumers()).isEqualTo(new Policy.ConsumerRule(true, true));
        assertThat(DEFAULTS.roster()).isEqualTo(new Policy.RosterRule(2, true));
        assertThat(DEFAULTS.freeze()).isEqualTo(new Policy.FreezeRule(true, 2));
    }

    @Test
    void the_default_deploys_monday_to_thursday_in_the_staffed_hours_three_weeks_after_a_release() {
        Policy.ScheduleRule s = DEFAULTS.schedule();

        assertThat(s.days()).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY));
        assertThat(s.from()).isEqualTo(LocalTime.of(14, 0));
        assertThat(s.to()).isEqualTo(LocalTime.of(23, 0));
        assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.afterRelease()).isEqualTo(Duration.ofDays(21));
    }

    @Test
    void the_default_hash_is_the_sha256_of_the_bundled_file() throws Exception {
        byte[] bytes = Files.readAllBytes(FILE);
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        assertThat(DEFAULTS.hash()).isEqualTo(expected).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void reading_the_bundled_file_from_disk_gives_the_same_policy_as_the_defaults() throws Exception {
        assertThat(PolicyReader.read(FILE)).isEqualTo(DEFAULTS);
    }

    @Test
    void the_defaults_are_read_afresh_each_time_and_equal() {
        assertThat(PolicyReader.defaults()).isEqualTo(DEFAULTS);
    }

    @Test
    void the_documentation_explains_every_key_and_names_every_gate() throws Exception {
        String doc = Files.readString(Path.of("docs/policy.md"));
        List<String> keys = List.of("version", "ratified", "minutes", "appliesTo", "announcements.apiBreakNotice",
                "announcements.outageNotice", "announcements.reminders", "announcements.lists", "meeting.minimum",
                "meeting.weekly", "staging.runsCandidate", "staging.greenDays", "staging.soak", "staging.replay",
                "staging.replaySchedule",
                "consumers.allAcknowledged", "consumers.essentialVerified", "roster.firefighters",
                "roster.outsideTeamContacts", "freeze.blocksFrozenServices", "freeze.freezeBreakApprovals",
                "schedule.businessHours", "schedule.afterRelease", "detection.minCalls", "detection.errorRatio",
                "detection.rise", "detection.baseline", "detection.settling", "detection.silence", "always", "breaks-or-major", "meeting-decides",
                "never");
        List<String> gates = List.of("api-break-notice", "outage-notice", "reminders", "meeting", "meeting-decision",
                "staging-candidate", "staging-green", "consumers-acknowledged", "consumers-migrated", "roster",
                "freeze");

        for (String key : keys) {
            assertThat(doc).as("docs/policy.md explains %s", key).contains("`" + key + "`");
        }
        for (String gate : gates) {
            assertThat(doc).as("docs/policy.md names gate %s", gate).contains("`" + gate + "`");
        }
        assertThat(doc).contains("first deployment").contains("unchecked");
    }
}

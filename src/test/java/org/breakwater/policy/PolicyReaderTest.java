package org.breakwater.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.catalog.Tier;
import org.junit.jupiter.api.Test;

/**
 * Reading a custom policy: a minimal one reads, the hash follows the text, and a broken file
 * reports every problem at once. The one-problem cases live in {@link PolicyProblemsTest}.
 */
class PolicyReaderTest {
    /** Every required key and nothing else: no minutes, no per-tier lists. */
    static final String MINIMAL = """
            version: 3
            ratified: 2024-01-18
            appliesTo:
              essential: always
              borderline: breaks-or-major
              leaf: never
            announcements:
              apiBreakNotice: 2w
              outageNotice: 48h
              reminders: []
              lists:
                always: [ops@example.org]
            meeting:
              minimum: 0
              weekly: Tue 09:30 Europe/Paris
            staging:
              greenDays: 0
              runsCandidate: false
              soak: 30m
            consumers:
              allAcknowledged: false
              essentialVerified: false
            roster:
              firefighters: 0
              outsideTeamContacts: false
            freeze:
              blocksFrozenServices: false
              freezeBreakApprovals: 0
            schedule:
              businessHours: Mon,Wed,Fri 08:00-12:00 +02:00
              afterRelease: 0d
            """;

    /** The problems of {@code text} as {@code file:line:column: message}; none when it reads. */
    static List<String> problems(String text) {
        try {
            PolicyReader.parse(text, "policy.yaml");
            return List.of();
        } catch (PolicyException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    /** {@link #MINIMAL} with one line replaced (the line must be there, whole). */
    static String minimalWith(String line, String replacement) {
        assertThat(MINIMAL.lines()).as("MINIMAL has the line %s", line).contains(line);
        return MINIMAL.replace(line + "\n", replacement.isEmpty() ? "" : replacement + "\n");
    }

    @Test
    void a_minimal_custom_policy_reads_with_its_own_values() throws PolicyException {
        Policy p = PolicyReader.parse(MINIMAL, "policy.yaml");

        assertThat(p.version()).isEqualTo(3);
        assertThat(p.ratified()).isEqualTo(LocalDate.of(2024, 1, 18));
        assertThat(p.minutes()).isEmpty();
        assertThat(p.appliesTo()).isEqualTo(Map.of(Tier.ESSENTIAL, Applicability.ALWAYS,
                Tier.BORDERLINE, Applicability.BREAKS_OR_MAJOR, Tier.LEAF, Applicability.NEVER));
        assertThat(p.announcements()).isEqualTo(new Policy.Announcements(Duration.ofDays(14), Duration.ofHours(48),
                List.of(), List.of("ops@example.org"), Map.of()));
        assertThat(p.meeting()).isEqualTo(new Policy.MeetingRule(0, DayOfWeek.TUESDAY, LocalTime.of(9, 30),
                ZoneId.of("Europe/Paris")));
        assertThat(p.staging()).isEqualTo(new Policy.StagingRule(0, false, Duration.ofMinutes(30)));
        assertThat(p.consumers()).isEqualTo(new Policy.ConsumerRule(false, false));
        assertThat(p.roster()).isEqualTo(new Policy.RosterRule(0, false));
        assertThat(p.freeze()).isEqualTo(new Policy.FreezeRule(false, 0));
        assertThat(p.schedule()).isEqualTo(new Policy.ScheduleRule(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                LocalTime.of(12, 0), ZoneOffset.ofHours(2), Duration.ZERO));
    }

    @Test
    void lists_for_each_tier_are_added_to_the_lists_every_announcement_goes_to() throws PolicyException {
        String text = minimalWith("    always: [ops@example.org]", "    always: [ops@example.org]\n"
                + "    borderline: [users@example.org, ops@example.org]\n"
                + "    leaf:\n"
                + "      - leaf@example.org");

        Policy.Announcements a = PolicyReader.parse(text, "policy.yaml").announcements();

        assertThat(a.listsFor(Tier.BORDERLINE)).containsExactly("ops@example.org", "users@example.org");
        assertThat(a.listsFor(Tier.LEAF)).containsExactly("ops@example.org", "leaf@example.org");
        assertThat(a.listsFor(Tier.ESSENTIAL)).containsExactly("ops@example.org");
    }

    @Test
    void a_day_range_may_wrap_past_sunday_and_days_may_be_written_in_full() throws PolicyException {
        String text = minimalWith("  businessHours: Mon,Wed,Fri 08:00-12:00 +02:00",
                "  businessHours: sunday-Thu 7:00-15:30 Asia/Jerusalem");

        Policy.ScheduleRule s = PolicyReader.parse(text, "policy.yaml").schedule();

        assertThat(s.days()).isEqualTo(Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
        assertThat(s.from()).isEqualTo(LocalTime.of(7, 0));
        assertThat(s.to()).isEqualTo(LocalTime.of(15, 30));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Asia/Jerusalem"));
    }

    @Test
    void minutes_are_kept_when_given() throws PolicyException {
        String text = minimalWith("ratified: 2024-01-18", "ratified: 2024-01-18\nminutes: https://example.org/m/42");

        assertThat(PolicyReader.parse(text, "policy.yaml").minutes()).contains("https://example.org/m/42");
    }

    @Test
    void the_hash_is_the_sha256_of_the_text_and_changes_with_it() throws PolicyException {
        Policy once = PolicyReader.parse(MINIMAL, "policy.yaml");
        Policy again = PolicyReader.parse(MINIMAL, "other-name.yaml");
        Policy commented = PolicyReader.parse("# reviewed 2024-02-01\n" + MINIMAL, "policy.yaml");

        assertThat(once.hash()).matches("sha256:[0-9a-f]{64}").isEqualTo(again.hash());
        assertThat(commented.hash()).isNotEqualTo(once.hash());
    }

    @Test
    void several_problems_of_a_file_are_reported_together_in_file_order() {
        Path file = Path.of("src/test/resources/policy/several-problems.yaml");

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyReader.read(file));

        String f = file.toString();
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                f + ":2:1: the policy has no 'freeze'",
                f + ":4:1: unknown key 'owner' in the policy (known: version, ratified, minutes, appliesTo,"
                        + " announcements, meeting, staging, consumers, roster, freeze, schedule, detection)",
                f + ":10:19: announcements.apiBreakNotice: '14 days' is not a duration;"
                        + " write a whole number and a unit m, h, d or w: 30m, 4h, 14d, 2w",
                f + ":12:15: announcements.reminders: a reminder 7d before is not shorter than the outage notice"
                        + " (7d); reminders come after the notices they remind of",
                f + ":17:11: meeting.weekly: 'Thursdy' is not a day of the week (Monday to Sunday, or Mon to Sun)",
                f + ":26:1: roster has no 'outsideTeamContacts'",
                f + ":27:17: roster.firefighters must be 0 or more, not -1");
        assertThat(e.getMessage()).isEqualTo(e.problems().get(0) + " (and 6 more)");
    }

    @Test
    void one_problem_is_the_whole_message() {
        assertThatThrownBy(() -> PolicyReader.parse(minimalWith("version: 3", "version: 0"), "policy.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("policy.yaml:1:10: version must be 1 or more, not 0");
    }

    @Test
    void a_missing_file_is_reported_by_its_name() {
        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> PolicyReader.read(Path.of("no/such/policy.yaml")));

        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly(Path.of("no/such/policy.yaml") + ": no such file");
    }

    @Test
    void an_empty_file_and_a_malformed_one_are_reported_by_the_tree_reader() {
        assertThat(problems("# only a comment\n")).containsExactly("policy.yaml: the file is empty");
        assertThat(problems("version: 1\nversion: 2\n")).singleElement().asString()
                .startsWith("policy.yaml:2:1: duplicate key 'version'");
    }

    @Test
    void a_policy_that_is_not_a_mapping_says_what_it_should_be() {
        assertThat(problems("- version: 1\n")).containsExactly("policy.yaml:1:1: a policy file is a mapping of"
                + " version, ratified, minutes, appliesTo, announcements, meeting, staging, consumers, roster,"
                + " freeze, schedule, detection; this one is an array");
    }
}

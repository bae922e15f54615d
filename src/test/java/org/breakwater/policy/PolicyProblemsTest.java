package org.breakwater.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.policy.PolicyReaderTest.minimalWith;
import static org.breakwater.policy.PolicyReaderTest.problems;

import org.junit.jupiter.api.Test;

/**
 * Each kind of mistake in a policy file, made once in {@link PolicyReaderTest#MINIMAL}, with
 * the exact {@code file:line:column: message} it produces and no other problem.
 */
class PolicyProblemsTest {
    private static final String DURATION_FORM = "write a whole number and a unit m, h, d or w: 30m, 4h, 14d, 2w";

    // --- keys ---

    @Test
    void an_unknown_top_level_key_is_reported_where_it_is_written_with_the_known_keys() {
        assertThat(problems(minimalWith("version: 3", "version: 3\nreviewers: [kevin]")))
                .containsExactly("policy.yaml:2:1: unknown key 'reviewers' in the policy (known: version, ratified,"
                        + " minutes, appliesTo, announcements, meeting, staging, consumers, roster, freeze, schedule, detection)");
    }

    @Test
    void an_unknown_key_in_a_section_lists_the_section_keys() {
        assertThat(problems(minimalWith("  soak: 30m", "  soak: 30m\n  sokeDays: 3")))
                .containsExactly("policy.yaml:20:3: unknown key 'sokeDays' in staging"
                        + " (known: greenDays, runsCandidate, soak, replay, replaySchedule)");
    }

    @Test
    void a_misspelt_tier_is_an_unknown_key_and_the_tier_it_meant_is_missing() {
        assertThat(problems(minimalWith("  leaf: never", "  leaves: never"))).containsExactly(
                "policy.yaml:3:1: appliesTo has no 'leaf'",
                "policy.yaml:6:3: unknown key 'leaves' in appliesTo (known: essential, borderline, leaf)");
    }

    @Test
    void a_missing_section_is_reported_at_the_top_of_the_policy() {
        String text = minimalWith("freeze:", "").replace("  blocksFrozenServices: false\n", "")
                .replace("  freezeBreakApprovals: 0\n", "");

        assertThat(problems(text)).containsExactly("policy.yaml:1:1: the policy has no 'freeze'");
    }

    @Test
    void a_missing_key_is_reported_at_its_section() {
        assertThat(problems(minimalWith("  outageNotice: 48h", "")))
                .containsExactly("policy.yaml:7:1: announcements has no 'outageNotice'");
    }

    @Test
    void the_list_every_announcement_goes_to_is_required_but_the_tier_lists_are_not() {
        assertThat(problems(minimalWith("    always: [ops@example.org]", "    leaf: [ops@example.org]")))
                .containsExactly("policy.yaml:11:3: announcements.lists has no 'always'");
    }

    // --- types ---

    @Test
    void a_section_that_is_not_a_mapping_is_one_problem_not_one_per_key() {
        String text = minimalWith("consumers:", "consumers: yes").replace("  allAcknowledged: false\n", "")
                .replace("  essentialVerified: false\n", "");

        assertThat(problems(text)).containsExactly("policy.yaml:20:12: consumers must be a mapping, not a string (yes)");
    }

    @Test
    void a_number_written_as_text_is_the_wrong_type() {
        assertThat(problems(minimalWith("  greenDays: 0", "  greenDays: three")))
                .containsExactly("policy.yaml:17:14: staging.greenDays must be a whole number, not a string (three)");
    }

    @Test
    void a_fraction_is_not_a_whole_number() {
        assertThat(problems(minimalWith("  firefighters: 0", "  firefighters: 1.5")))
                .containsExactly("policy.yaml:24:17: roster.firefighters must be a whole number, not 1.5");
    }

    @Test
    void a_flag_must_be_true_or_false() {
        assertThat(problems(minimalWith("  runsCandidate: false", "  runsCandidate: yes")))
                .containsExactly("policy.yaml:18:18: staging.runsCandidate must be true or false, not a string (yes)");
    }

    @Test
    void reminders_must_be_a_list() {
        assertThat(problems(minimalWith("  reminders: []", "  reminders: 1d"))).containsExactly(
                "policy.yaml:10:14: announcements.reminders must be a list ([a, b], or one '- ' line per entry),"
                        + " not a string (1d)");
    }

    @Test
    void an_empty_value_is_reported_as_such() {
        assertThat(problems(minimalWith("  soak: 30m", "  soak:"))).containsExactly(
                "policy.yaml:19:8: staging.soak must be a duration, not an empty value; " + DURATION_FORM);
    }

    // --- durations ---

    @Test
    void a_duration_in_words_is_told_the_form() {
        assertThat(problems(minimalWith("  apiBreakNotice: 2w", "  apiBreakNotice: 14 days"))).containsExactly(
                "policy.yaml:8:19: announcements.apiBreakNotice: '14 days' is not a duration; " + DURATION_FORM);
    }

    @Test
    void a_duration_without_a_unit_is_told_the_form() {
        assertThat(problems(minimalWith("  outageNotice: 48h", "  outageNotice: 7"))).containsExactly(
                "policy.yaml:9:17: announcements.outageNotice must be a duration, not a number (7); " + DURATION_FORM);
    }

    @Test
    void a_negative_duration_is_refused() {
        assertThat(problems(minimalWith("  afterRelease: 0d", "  afterRelease: -3w"))).containsExactly(
                "policy.yaml:31:17: schedule.afterRelease: '-3w' is not a duration (durations cannot be negative); "
                        + DURATION_FORM);
    }

    @Test
    void an_absurdly_long_duration_is_refused() {
        assertThat(problems(minimalWith("  afterRelease: 0d", "  afterRelease: 600w"))).containsExactly(
                "policy.yaml:31:17: schedule.afterRelease: 600w is longer than ten years; " + DURATION_FORM);
    }

    @Test
    void a_reminder_not_shorter_than_the_outage_notice_is_refused() {
        assertThat(problems(minimalWith("  reminders: []", "  reminders: [1d, 2d]"))).containsExactly(
                "policy.yaml:10:19: announcements.reminders: a reminder 2d before is not shorter than the outage"
                        + " notice (2d); reminders come after the notices they remind of");
    }

    @Test
    void a_reminder_not_shorter_than_the_api_break_notice_is_refused() {
        String text = minimalWith("  apiBreakNotice: 2w", "  apiBreakNotice: 1d").replace("reminders: []", "reminders: [1d]");

        assertThat(problems(text)).containsExactly(
                "policy.yaml:10:15: announcements.reminders: a reminder 1d before is not shorter than the API-break"
                        + " notice (1d); reminders come after the notices they remind of");
    }

    @Test
    void a_reminder_listed_twice_is_refused() {
        assertThat(problems(minimalWith("  reminders: []", "  reminders:\n    - 4h\n    - 4h"))).containsExactly(
                "policy.yaml:12:7: announcements.reminders: 4h is listed twice");
    }
}

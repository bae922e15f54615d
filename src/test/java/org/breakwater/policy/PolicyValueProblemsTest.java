package org.breakwater.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.policy.PolicyReaderTest.minimalWith;
import static org.breakwater.policy.PolicyReaderTest.problems;

import org.junit.jupiter.api.Test;

/**
 * Values of the right type that still make no sense: an unknown applicability, a day that is
 * not one, negative counts, business hours that end before they start. Each made once in
 * {@link PolicyReaderTest#MINIMAL}; a problem with one word of a value points at that word.
 */
class PolicyValueProblemsTest {
    private static final String WEEKLY = "  weekly: Tue 09:30 Europe/Paris";
    private static final String HOURS = "  businessHours: Mon,Wed,Fri 08:00-12:00 +02:00";

    @Test
    void an_unknown_applicability_lists_the_four_there_are() {
        assertThat(problems(minimalWith("  borderline: breaks-or-major", "  borderline: sometimes")))
                .containsExactly("policy.yaml:5:15: appliesTo.borderline: 'sometimes' is not one of always,"
                        + " breaks-or-major, meeting-decides, never");
    }

    @Test
    void version_zero_is_refused() {
        assertThat(problems(minimalWith("version: 3", "version: 0")))
                .containsExactly("policy.yaml:1:10: version must be 1 or more, not 0");
    }

    @Test
    void a_ratification_date_in_another_form_is_told_the_form() {
        assertThat(problems(minimalWith("ratified: 2024-01-18", "ratified: 18/01/2024"))).containsExactly(
                "policy.yaml:2:11: ratified: '18/01/2024' is not a date; write YYYY-MM-DD, e.g. 2014-06-12");
    }

    @Test
    void minutes_must_be_a_web_address() {
        assertThat(problems(minimalWith("ratified: 2024-01-18", "ratified: 2024-01-18\nminutes: see the wiki")))
                .containsExactly("policy.yaml:3:10: minutes: 'see the wiki' is not a web address (http:// or https://)");
    }

    @Test
    void a_list_entry_that_is_not_an_address_is_refused() {
        assertThat(problems(minimalWith("    always: [ops@example.org]", "    always: [ops@example.org, devel]")))
                .containsExactly("policy.yaml:12:31: announcements.lists.always: 'devel' is not a mailing-list"
                        + " address (name@host)");
    }

    // --- the weekly meeting ---

    @Test
    void a_misspelt_weekday_points_at_the_day() {
        assertThat(problems(minimalWith(WEEKLY, "  weekly: Thursdy 18:00 UTC"))).containsExactly(
                "policy.yaml:15:11: meeting.weekly: 'Thursdy' is not a day of the week (Monday to Sunday, or Mon to Sun)");
    }

    @Test
    void an_impossible_time_points_at_the_time() {
        assertThat(problems(minimalWith(WEEKLY, "  weekly: Thursday 24:00 UTC"))).containsExactly(
                "policy.yaml:15:20: meeting.weekly: '24:00' is not a time of day; write HH:MM, 00:00 to 23:59");
    }

    @Test
    void an_unknown_zone_points_at_the_zone() {
        assertThat(problems(minimalWith(WEEKLY, "  weekly: Thursday 18:00 Europe/Pariss"))).containsExactly(
                "policy.yaml:15:26: meeting.weekly: 'Europe/Pariss' is not a time zone; write UTC, an offset like"
                        + " +02:00 or a region like Europe/Paris");
    }

    @Test
    void a_quoted_value_still_points_at_the_word() {
        assertThat(problems(minimalWith(WEEKLY, "  weekly: \"Thursday 18:00 CEST\""))).containsExactly(
                "policy.yaml:15:27: meeting.weekly: 'CEST' is not a time zone; write UTC, an offset like"
                        + " +02:00 or a region like Europe/Paris");
    }

    @Test
    void a_meeting_without_a_zone_is_told_the_form() {
        assertThat(problems(minimalWith(WEEKLY, "  weekly: Thursday 18:00"))).containsExactly(
                "policy.yaml:15:11: meeting.weekly: 'Thursday 18:00' is not DAY HH:MM ZONE; write e.g."
                        + " Thursday 18:00 UTC");
    }

    // --- counts ---

    @Test
    void a_negative_meeting_minimum_is_refused() {
        assertThat(problems(minimalWith("  minimum: 0", "  minimum: -1")))
                .containsExactly("policy.yaml:14:12: meeting.minimum must be 0 or more, not -1");
    }

    @Test
    void fewer_than_zero_firefighters_is_refused() {
        assertThat(problems(minimalWith("  firefighters: 0", "  firefighters: -2")))
                .containsExactly("policy.yaml:24:17: roster.firefighters must be 0 or more, not -2");
    }

    @Test
    void fewer_than_zero_freeze_break_approvals_is_refused() {
        assertThat(problems(minimalWith("  freezeBreakApprovals: 0", "  freezeBreakApprovals: -1")))
                .containsExactly("policy.yaml:28:25: freeze.freezeBreakApprovals must be 0 or more, not -1");
    }

    @Test
    void a_count_too_large_for_a_number_is_refused() {
        assertThat(problems(minimalWith("  greenDays: 0", "  greenDays: 99999999999")))
                .containsExactly("policy.yaml:17:14: staging.greenDays is too large: 99999999999");
    }

    // --- business hours ---

    @Test
    void business_hours_that_end_before_they_start_are_refused_at_the_end() {
        assertThat(problems(minimalWith(HOURS, "  businessHours: Mon-Fri 17:00-09:00 UTC"))).containsExactly(
                "policy.yaml:30:32: schedule.businessHours: the hours end (09:00) before or when they start"
                        + " (17:00); write FROM-TO with FROM the earlier time");
    }

    @Test
    void business_hours_that_end_when_they_start_are_refused() {
        assertThat(problems(minimalWith(HOURS, "  businessHours: Mon-Fri 09:00-09:00 UTC"))).containsExactly(
                "policy.yaml:30:32: schedule.businessHours: the hours end (09:00) before or when they start"
                        + " (09:00); write FROM-TO with FROM the earlier time");
    }

    @Test
    void a_misspelt_day_in_a_range_points_at_that_day() {
        assertThat(problems(minimalWith(HOURS, "  businessHours: Mon-Fry 09:00-17:00 UTC"))).containsExactly(
                "policy.yaml:30:22: schedule.businessHours: 'Fry' is not a day of the week (Monday to Sunday,"
                        + " or Mon to Sun)");
    }

    @Test
    void a_range_of_three_days_is_not_a_set_of_days() {
        assertThat(problems(minimalWith(HOURS, "  businessHours: Mon-Wed-Fri 09:00-17:00 UTC"))).containsExactly(
                "policy.yaml:30:18: schedule.businessHours: 'Mon-Wed-Fri' is not a set of days; write Mon-Fri"
                        + " or Mon,Wed,Fri");
    }

    @Test
    void business_hours_without_a_range_of_times_are_told_the_form() {
        assertThat(problems(minimalWith(HOURS, "  businessHours: weekdays 9 to 5"))).containsExactly(
                "policy.yaml:30:18: schedule.businessHours: 'weekdays 9 to 5' is not DAYS HH:MM-HH:MM ZONE;"
                        + " write e.g. Mon-Fri 09:00-17:00 UTC");
    }
}

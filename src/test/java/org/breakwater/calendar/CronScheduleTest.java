package org.breakwater.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cron expressions: every field form, the day-of-month/day-of-week rule, DST changes, and errors naming the field. */
class CronScheduleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** The first {@code n} firings after {@code after}. */
    private static List<Instant> firings(CronSchedule cron, String after, int n) {
        List<Instant> found = new ArrayList<>();
        Instant t = at(after);
        for (int i = 0; i < n; i++) {
            t = cron.next(t).orElseThrow();
            found.add(t);
        }
        return found;
    }

    @Test
    void steps_ranges_and_day_names_pick_working_hours_quarters() {
        CronSchedule cron = CronSchedule.parse("*/15 9-17 * * MON-FRI");
        // Friday 2014-12-05 17:30 → 17:45, then the weekend is passed over to Monday 09:00
        assertThat(firings(cron, "2014-12-05T17:30:00Z", 2))
                .containsExactly(at("2014-12-05T17:45:00Z"), at("2014-12-08T09:00:00Z"));
    }

    @Test
    void next_is_strictly_after_the_given_instant() {
        CronSchedule cron = CronSchedule.parse("0 18 * * THU");
        assertThat(cron.next(at("2014-12-04T18:00:00Z"))).contains(at("2014-12-11T18:00:00Z"));
        assertThat(cron.next(at("2014-12-04T17:59:59Z"))).contains(at("2014-12-04T18:00:00Z"));
    }

    @Test
    void a_stepped_range_and_a_list_select_exactly_their_values() {
        assertThat(firings(CronSchedule.parse("0 8-18/5 * * *"), "2014-12-01T08:00:00Z", 3))
                .containsExactly(at("2014-12-01T13:00:00Z"), at("2014-12-01T18:00:00Z"), at("2014-12-02T08:00:00Z"));
        assertThat(firings(CronSchedule.parse("5,35 12 * * *"), "2014-12-01T00:00:00Z", 3))
                .containsExactly(at("2014-12-01T12:05:00Z"), at("2014-12-01T12:35:00Z"), at("2014-12-02T12:05:00Z"));
    }

    @Test
    void a_value_with_a_step_runs_to_the_end_of_the_range() {
        assertThat(firings(CronSchedule.parse("50/5 0 * * *"), "2014-12-01T00:00:00Z", 3))
                .containsExactly(at("2014-12-01T00:50:00Z"), at("2014-12-01T00:55:00Z"), at("2014-12-02T00:50:00Z"));
    }

    @Test
    void month_and_day_names_ignore_case() {
        assertThat(CronSchedule.parse("30 6 1 jan,Jul *").next(at("2014-01-01T06:30:00Z")))
                .contains(at("2014-07-01T06:30:00Z"));
        assertThat(CronSchedule.parse("0 0 * * fri").next(at("2014-12-01T00:00:00Z")))
                .contains(at("2014-12-05T00:00:00Z"));
    }

    @Test
    void sunday_is_0_or_7_or_sun() {
        Instant sunday = at("2014-12-07T12:00:00Z");
        for (String dow : List.of("0", "7", "SUN", "5-7")) {
            assertThat(CronSchedule.parse("0 12 * * " + dow).next(at("2014-12-06T12:00:00Z"))).as(dow).contains(sunday);
        }
    }

    @Test
    void when_both_day_fields_are_restricted_either_one_matches() {
        // the 13th, or any Friday: Fri 5th, Fri 12th, Sat 13th, Fri 19th
        assertThat(firings(CronSchedule.parse("0 0 13 * FRI"), "2014-12-01T00:00:00Z", 4)).containsExactly(
                at("2014-12-05T00:00:00Z"), at("2014-12-12T00:00:00Z"), at("2014-12-13T00:00:00Z"),
                at("2014-12-19T00:00:00Z"));
    }

    @Test
    void a_day_of_month_field_starting_with_a_star_does_not_count_as_restricted() {
        // */10 (1st, 11th, 21st, 31st) AND Monday: Mon 2014-12-01, then next on Mon 2015-05-11
        assertThat(firings(CronSchedule.parse("0 0 */10 * MON"), "2014-11-30T00:00:00Z", 2))
                .containsExactly(at("2014-12-01T00:00:00Z"), at("2015-05-11T00:00:00Z"));
        // a restricted day of week alone: only Fridays, the 13th is not special
        assertThat(firings(CronSchedule.parse("0 0 * * FRI"), "2014-12-06T00:00:00Z", 2))
                .containsExactly(at("2014-12-12T00:00:00Z"), at("2014-12-19T00:00:00Z"));
    }

    @Test
    void the_29th_of_february_is_found_years_ahead_and_the_30th_never() {
        assertThat(CronSchedule.parse("0 0 29 2 *").next(at("2014-03-01T00:00:00Z"))).contains(at("2016-02-29T00:00:00Z"));
        assertThat(CronSchedule.parse("0 0 30 2 *").next(at("2014-03-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void a_daily_time_keeps_its_wall_clock_across_the_new_york_spring_change() {
        CronSchedule cron = CronSchedule.parse("0 9 * * *", NEW_YORK);
        // 09:00 EST (UTC-5) on Saturday 2014-03-08, 09:00 EDT (UTC-4) on Sunday 2014-03-09
        assertThat(firings(cron, "2014-03-08T00:00:00Z", 2))
                .containsExactly(at("2014-03-08T14:00:00Z"), at("2014-03-09T13:00:00Z"));
    }

    @Test
    void a_fixed_time_in_the_skipped_new_york_hour_fires_when_the_clocks_jump() {
        CronSchedule cron = CronSchedule.parse("30 2 * * *", NEW_YORK);
        // 02:30 does not exist on 2014-03-09: it fires at 03:00 EDT (07:00 UTC)
        assertThat(firings(cron, "2014-03-08T07:30:00Z", 2))
                .containsExactly(at("2014-03-09T07:00:00Z"), at("2014-03-10T06:30:00Z"));
    }

    @Test
    void a_wildcard_expression_has_no_firings_in_the_skipped_new_york_hour() {
        CronSchedule cron = CronSchedule.parse("*/30 * * * *", NEW_YORK);
        // 01:30 EST, then straight to 03:00 EDT
        assertThat(firings(cron, "2014-03-09T06:15:00Z", 2))
                .containsExactly(at("2014-03-09T06:30:00Z"), at("2014-03-09T07:00:00Z"));
    }

    @Test
    void a_fixed_time_in_the_repeated_new_york_hour_fires_once() {
        CronSchedule cron = CronSchedule.parse("30 1 * * *", NEW_YORK);
        // 01:30 EDT on 2014-11-02 (05:30 UTC); the second 01:30 (EST, 06:30 UTC) is not a firing
        assertThat(firings(cron, "2014-11-02T00:00:00Z", 2))
                .containsExactly(at("2014-11-02T05:30:00Z"), at("2014-11-03T06:30:00Z"));
    }

    @Test
    void a_wildcard_expression_fires_in_both_passes_of_the_repeated_new_york_hour() {
        CronSchedule cron = CronSchedule.parse("*/30 * * * *", NEW_YORK);
        assertThat(firings(cron, "2014-11-02T05:15:00Z", 4)).containsExactly(at("2014-11-02T05:30:00Z"),
                at("2014-11-02T06:00:00Z"), at("2014-11-02T06:30:00Z"), at("2014-11-02T07:00:00Z"));
    }

    @Test
    void working_days_in_prague_move_an_hour_in_utc_over_the_spring_change() {
        CronSchedule cron = CronSchedule.parse("0 9 * * MON-FRI", PRAGUE);
        // Friday 2014-03-28 09:00 CET (UTC+1), Monday 2014-03-31 09:00 CEST (UTC+2)
        assertThat(firings(cron, "2014-03-28T00:00:00Z", 2))
                .containsExactly(at("2014-03-28T08:00:00Z"), at("2014-03-31T07:00:00Z"));
    }

    @Test
    void the_repeated_prague_hour_in_october_fires_a_fixed_time_once() {
        CronSchedule cron = CronSchedule.parse("30 2 * * *", PRAGUE);
        // 02:30 CEST on 2014-10-26 is 00:30 UTC; 02:30 CET that night (01:30 UTC) is skipped
        assertThat(firings(cron, "2014-10-25T12:00:00Z", 2))
                .containsExactly(at("2014-10-26T00:30:00Z"), at("2014-10-27T01:30:00Z"));
    }

    @Test
    void the_expression_is_kept_with_single_spaces_and_equality_includes_the_zone() {
        CronSchedule a = CronSchedule.parse("  0  20 * *   FRI ", NEW_YORK);
        assertThat(a.expression()).isEqualTo("0 20 * * FRI");
        assertThat(a).isEqualTo(CronSchedule.parse("0 20 * * FRI", NEW_YORK));
        assertThat(a).isNotEqualTo(CronSchedule.parse("0 20 * * FRI"));
        assertThat(a.inZone(PRAGUE).zone()).isEqualTo(PRAGUE);
        assertThat(a.inZone(PRAGUE).next(at("2014-12-01T00:00:00Z"))).contains(at("2014-12-05T19:00:00Z"));
    }

    @Test
    void errors_name_the_bad_field_and_say_what_is_wrong() {
        assertThatThrownBy(() -> CronSchedule.parse("75 * * * *")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the minute field '75' of '75 * * * *': 75 is outside 0-59");
        assertThatThrownBy(() -> CronSchedule.parse("0 24 * * *"))
                .hasMessage("the hour field '24' of '0 24 * * *': 24 is outside 0-23");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 0 * *"))
                .hasMessage("the day-of-month field '0' of '0 0 0 * *': 0 is outside 1-31");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * JANUARY *"))
                .hasMessage("the month field 'JANUARY' of '0 0 * JANUARY *': 'JANUARY' is not a number or a name (JAN..DEC)");
        assertThatThrownBy(() -> CronSchedule.parse("0 20 * * FRX"))
                .hasMessage("the day-of-week field 'FRX' of '0 20 * * FRX': 'FRX' is not a number 0-7 or a day name (MON..SUN)");
        assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *"))
                .hasMessage("the minute field '*/0' of '*/0 * * * *': the step in '*/0' must be at least 1");
        assertThatThrownBy(() -> CronSchedule.parse("0 17-9 * * *"))
                .hasMessage("the hour field '17-9' of '0 17-9 * * *': the range '17-9' runs backwards");
        assertThatThrownBy(() -> CronSchedule.parse("0 1,,2 * * *"))
                .hasMessage("the hour field '1,,2' of '0 1,,2 * * *': an empty list item");
        assertThatThrownBy(() -> CronSchedule.parse("0 20 * *"))
                .hasMessage("the cron expression '0 20 * *' has 4 fields; it needs 5: minute hour day-of-month month day-of-week");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * * * 2014"))
                .hasMessage("the cron expression '0 0 * * * 2014' has 6 fields; it needs 5: minute hour day-of-month month day-of-week");
        assertThatThrownBy(() -> CronSchedule.parse(""))
                .hasMessage("the cron expression '' has 0 fields; it needs 5: minute hour day-of-month month day-of-week");
    }

    @Test
    void day_names_are_not_accepted_in_the_month_field() {
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * MON *"))
                .hasMessageContaining("the month field 'MON'");
        assertThat(CronSchedule.parse("0 0 * * *").next(at("2014-12-01T00:00:00Z"))).isEqualTo(
                Optional.of(at("2014-12-02T00:00:00Z")));
    }
}

package org.breakwater.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each constraint on its own: the earliest start it allows and how it explains a start. */
class ConstraintsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Window FINAL_FREEZE = new Window("Fedora 21 Final freeze", WindowKind.FREEZE,
            at("2014-11-25T00:00:00Z"), at("2014-12-09T00:00:00Z"));
    private static final Window FINAL_RELEASE = new Window("Fedora 21 Final release", WindowKind.RELEASE,
            at("2014-12-09T00:00:00Z"), at("2014-12-10T00:00:00Z"));
    private static final WithinBusinessHours NY_HOURS = WithinBusinessHours.weekdays(LocalTime.of(9, 0),
            LocalTime.of(17, 0), NEW_YORK);

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static AfterWeeklyMeeting infraMeeting(String now, int minimum) {
        return new AfterWeeklyMeeting("weekly infrastructure meeting", DayOfWeek.THURSDAY, LocalTime.of(18, 0),
                ZoneOffset.UTC, at(now), minimum);
    }

    // NotBefore

    @Test
    void not_before_moves_an_earlier_candidate_to_its_instant_and_keeps_a_later_one() {
        NotBefore lead = new NotBefore("lead time", at("2014-11-25T10:00:00Z"), "outages are announced 5 days ahead");
        assertThat(lead.earliest(at("2014-11-20T10:00:00Z"), TWO_HOURS)).contains(at("2014-11-25T10:00:00Z"));
        assertThat(lead.earliest(at("2014-11-26T08:00:00Z"), TWO_HOURS)).contains(at("2014-11-26T08:00:00Z"));
        assertThat(lead.name()).isEqualTo("lead time");
        assertThat(lead.explain(at("2014-11-26T08:00:00Z"), TWO_HOURS))
                .isEqualTo("outages are announced 5 days ahead: not before Tuesday 2014-11-25 10:00 UTC");
    }

    // OutsideWindows

    @Test
    void outside_windows_moves_a_start_inside_a_freeze_to_its_end() {
        OutsideWindows freezes = new OutsideWindows("outside freezes", List.of(FINAL_FREEZE));
        assertThat(freezes.earliest(at("2014-12-01T10:00:00Z"), TWO_HOURS)).contains(at("2014-12-09T00:00:00Z"));
        assertThat(freezes.earliest(at("2014-11-25T00:00:00Z"), TWO_HOURS)).contains(at("2014-12-09T00:00:00Z"));
    }

    @Test
    void outside_windows_refuses_a_deployment_that_would_run_into_a_freeze() {
        OutsideWindows freezes = new OutsideWindows("outside freezes", List.of(FINAL_FREEZE));
        assertThat(freezes.earliest(at("2014-11-24T23:00:00Z"), TWO_HOURS)).contains(at("2014-12-09T00:00:00Z"));
        // ending exactly when the freeze begins is fine
        assertThat(freezes.earliest(at("2014-11-24T22:00:00Z"), TWO_HOURS)).contains(at("2014-11-24T22:00:00Z"));
    }

    @Test
    void outside_windows_skips_a_gap_between_freezes_too_short_for_the_deployment() {
        Window sync = new Window("Mirror sync freeze", WindowKind.FREEZE, at("2014-12-09T01:00:00Z"),
                at("2014-12-09T05:00:00Z"));
        // given out of order: the gap 00:00-01:00 between them is shorter than two hours
        OutsideWindows freezes = new OutsideWindows("outside freezes", List.of(sync, FINAL_FREEZE));
        assertThat(freezes.windows()).containsExactly(FINAL_FREEZE, sync);
        assertThat(freezes.earliest(at("2014-12-01T10:00:00Z"), TWO_HOURS)).contains(at("2014-12-09T05:00:00Z"));
        assertThat(freezes.earliest(at("2014-12-01T10:00:00Z"), Duration.ofMinutes(45))).contains(at("2014-12-09T00:00:00Z"));
    }

    @Test
    void outside_windows_explains_the_windows_on_either_side() {
        Window sync = new Window("Mirror sync freeze", WindowKind.FREEZE, at("2014-12-13T01:00:00Z"),
                at("2014-12-13T05:00:00Z"));
        OutsideWindows freezes = new OutsideWindows("outside freezes", List.of(FINAL_FREEZE, sync));
        assertThat(freezes.explain(at("2014-12-09T14:00:00Z"), TWO_HOURS)).isEqualTo(
                "Fedora 21 Final freeze runs 2014-11-25 → 2014-12-09 (UTC): the deployment starts after it; "
                + "Mirror sync freeze runs 2014-12-13 01:00 → 2014-12-13 05:00 (UTC): the deployment ends before it");
        assertThat(freezes.explain(at("2014-12-01T14:00:00Z"), TWO_HOURS))
                .isEqualTo("Fedora 21 Final freeze runs 2014-11-25 → 2014-12-09 (UTC): the deployment overlaps it");
        assertThat(new OutsideWindows("outside freezes", List.of()).explain(at("2014-12-01T14:00:00Z"), TWO_HOURS))
                .isEqualTo("there are no windows to stay out of");
    }

    // WithinBusinessHours

    @Test
    void business_hours_keep_a_start_that_fits_and_move_an_early_one_to_the_opening() {
        // Tuesday 2014-12-02 10:00 EST
        assertThat(NY_HOURS.earliest(at("2014-12-02T15:00:00Z"), TWO_HOURS)).contains(at("2014-12-02T15:00:00Z"));
        // 06:00 EST → 09:00 EST the same day
        assertThat(NY_HOURS.earliest(at("2014-12-02T11:00:00Z"), TWO_HOURS)).contains(at("2014-12-02T14:00:00Z"));
    }

    @Test
    void business_hours_move_a_deployment_that_would_end_after_closing_to_the_next_working_day() {
        // Tuesday 16:00 EST + 2 hours passes 17:00 → Wednesday 09:00 EST
        assertThat(NY_HOURS.earliest(at("2014-12-02T21:00:00Z"), TWO_HOURS)).contains(at("2014-12-03T14:00:00Z"));
        // ending exactly at closing is fine
        assertThat(NY_HOURS.earliest(at("2014-12-02T20:00:00Z"), TWO_HOURS)).contains(at("2014-12-02T20:00:00Z"));
    }

    @Test
    void business_hours_skip_the_weekend() {
        // Friday 2014-12-05 16:00 EST → Monday 2014-12-08 09:00 EST; Saturday → Monday too
        assertThat(NY_HOURS.earliest(at("2014-12-05T21:00:00Z"), TWO_HOURS)).contains(at("2014-12-08T14:00:00Z"));
        assertThat(NY_HOURS.earliest(at("2014-12-06T15:00:00Z"), TWO_HOURS)).contains(at("2014-12-08T14:00:00Z"));
    }

    @Test
    void business_hours_follow_the_wall_clock_over_a_dst_change() {
        // Friday 2014-10-31 16:00 EDT → Monday 2014-11-03 09:00 EST, which is 14:00 UTC, not 13:00
        assertThat(NY_HOURS.earliest(at("2014-10-31T20:00:00Z"), TWO_HOURS)).contains(at("2014-11-03T14:00:00Z"));
    }

    @Test
    void business_hours_offer_nothing_to_a_deployment_longer_than_a_working_day() {
        assertThat(NY_HOURS.earliest(at("2014-12-02T11:00:00Z"), Duration.ofHours(9))).isEmpty();
        assertThat(NY_HOURS.earliest(at("2014-12-02T11:00:00Z"), Duration.ofHours(8))).contains(at("2014-12-02T14:00:00Z"));
    }

    @Test
    void business_hours_explain_the_deployment_in_their_zone() {
        assertThat(NY_HOURS.explain(at("2014-12-08T14:00:00Z"), TWO_HOURS)).isEqualTo(
                "the deployment runs Monday 2014-12-08 09:00–11:00 America/New_York, inside business hours"
                + " (Monday–Friday 09:00–17:00)");
        WithinBusinessHours twoDays = new WithinBusinessHours(EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.TUESDAY),
                LocalTime.of(13, 0), LocalTime.of(21, 0), ZoneOffset.UTC);
        assertThat(twoDays.explain(at("2014-12-06T14:00:00Z"), TWO_HOURS)).isEqualTo(
                "the deployment runs Saturday 2014-12-06 14:00–16:00 UTC, outside business hours (Tuesday, Thursday 13:00–21:00)");
        assertThat(twoDays.earliest(at("2014-12-06T14:00:00Z"), TWO_HOURS)).contains(at("2014-12-09T13:00:00Z"));
    }

    @Test
    void business_hours_need_a_working_day_and_an_opening_before_the_closing() {
        assertThatThrownBy(() -> new WithinBusinessHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), NEW_YORK))
                .hasMessage("business hours need at least one working day");
        assertThatThrownBy(() -> WithinBusinessHours.weekdays(LocalTime.of(17, 0), LocalTime.of(9, 0), NEW_YORK))
                .hasMessage("business hours must end (09:00) after they begin (17:00)");
    }

    // AfterWeeklyMeeting

    @Test
    void a_weekly_meeting_must_come_strictly_after_now_and_at_or_before_the_start() {
        AfterWeeklyMeeting meeting = infraMeeting("2014-11-20T10:00:00Z", 1);
        assertThat(meeting.earliest(at("2014-11-20T12:00:00Z"), TWO_HOURS)).contains(at("2014-11-20T18:00:00Z"));
        assertThat(meeting.earliest(at("2014-11-21T12:00:00Z"), TWO_HOURS)).contains(at("2014-11-21T12:00:00Z"));
        // a meeting that is under way as "now" no longer counts
        assertThat(infraMeeting("2014-11-20T18:00:00Z", 1).earliest(at("2014-11-20T19:00:00Z"), TWO_HOURS))
                .contains(at("2014-11-27T18:00:00Z"));
    }

    @Test
    void two_meetings_wanted_means_waiting_for_the_second() {
        assertThat(infraMeeting("2014-11-20T10:00:00Z", 2).earliest(at("2014-11-20T12:00:00Z"), TWO_HOURS))
                .contains(at("2014-11-27T18:00:00Z"));
        assertThat(infraMeeting("2014-11-20T10:00:00Z", 0).earliest(at("2014-11-20T12:00:00Z"), TWO_HOURS))
                .contains(at("2014-11-20T12:00:00Z"));
    }

    @Test
    void a_meeting_in_a_local_zone_keeps_its_wall_clock_time_across_dst() {
        AfterWeeklyMeeting meeting = new AfterWeeklyMeeting("release readiness meeting", DayOfWeek.THURSDAY,
                LocalTime.of(13, 0), NEW_YORK, at("2014-10-28T00:00:00Z"), 2);
        // 13:00 EDT on 2014-10-30 (17:00 UTC), then 13:00 EST on 2014-11-06 (18:00 UTC)
        assertThat(meeting.earliest(at("2014-10-28T00:00:00Z"), TWO_HOURS)).contains(at("2014-11-06T18:00:00Z"));
        assertThat(meeting.explain(at("2014-11-06T18:00:00Z"), TWO_HOURS)).isEqualTo(
                "2 release readiness meetings come before the start, the first on Thursday 2014-10-30 13:00"
                + " America/New_York and the last on Thursday 2014-11-06 13:00 America/New_York (at least 2 needed)");
    }

    @Test
    void the_meeting_explanation_names_the_meetings_held_before_the_start() {
        AfterWeeklyMeeting meeting = infraMeeting("2014-12-05T09:00:00Z", 1);
        assertThat(meeting.name()).isEqualTo("weekly infrastructure meeting");
        assertThat(meeting.explain(at("2014-12-11T18:00:00Z"), TWO_HOURS))
                .isEqualTo("the weekly infrastructure meeting on Thursday 2014-12-11 18:00 UTC comes before the start");
        assertThat(meeting.explain(at("2014-12-26T14:00:00Z"), TWO_HOURS)).isEqualTo(
                "3 weekly infrastructure meetings come before the start, the first on Thursday 2014-12-11 18:00 UTC"
                + " and the last on Thursday 2014-12-25 18:00 UTC");
        assertThat(meeting.explain(at("2014-12-09T14:00:00Z"), TWO_HOURS)).isEqualTo(
                "no weekly infrastructure meeting is held before the start; the next is on Thursday 2014-12-11 18:00 UTC");
        assertThat(infraMeeting("2014-12-05T09:00:00Z", 0).explain(at("2014-12-09T14:00:00Z"), TWO_HOURS))
                .isEqualTo("no weekly infrastructure meeting is needed");
    }

    // AfterRelease

    @Test
    void after_release_keeps_the_start_out_of_the_release_and_the_gap_after_it() {
        AfterRelease gap = new AfterRelease(List.of(FINAL_RELEASE), Duration.ofDays(14));
        assertThat(gap.name()).isEqualTo("at least 2 weeks after a release");
        assertThat(gap.earliest(at("2014-12-15T14:00:00Z"), TWO_HOURS)).contains(at("2014-12-24T00:00:00Z"));
        assertThat(gap.earliest(at("2014-12-09T00:00:00Z"), TWO_HOURS)).contains(at("2014-12-24T00:00:00Z"));
        // before the release and after the gap the start stays
        assertThat(gap.earliest(at("2014-12-08T14:00:00Z"), TWO_HOURS)).contains(at("2014-12-08T14:00:00Z"));
        assertThat(gap.earliest(at("2014-12-24T00:00:00Z"), TWO_HOURS)).contains(at("2014-12-24T00:00:00Z"));
    }

    @Test
    void after_release_explains_how_long_after_the_last_release_the_start_comes() {
        AfterRelease gap = new AfterRelease(List.of(FINAL_RELEASE), Duration.ofDays(14));
        assertThat(gap.explain(at("2014-12-26T14:00:00Z"), TWO_HOURS)).isEqualTo("Fedora 21 Final release runs"
                + " 2014-12-09 → 2014-12-10 (UTC): the start comes 2 weeks 2 days 14 hours after its end, at least 2 weeks needed");
        assertThat(gap.explain(at("2014-12-15T14:00:00Z"), TWO_HOURS)).isEqualTo("Fedora 21 Final release runs"
                + " 2014-12-09 → 2014-12-10 (UTC): the start falls within 2 weeks of its end");
        assertThat(gap.explain(at("2014-12-01T14:00:00Z"), TWO_HOURS)).isEqualTo("no release comes before the start");
        assertThatThrownBy(() -> new AfterRelease(List.of(), Duration.ofDays(-1)))
                .hasMessage("the gap after a release must not be negative: PT-24H");
    }
}

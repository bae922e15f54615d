package org.breakwater.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The search for the earliest start that every constraint accepts, on the pkgdb2 deployment
 * of late 2014: announced 5 days ahead, raised at the Thursday infrastructure meeting, kept out
 * of the Fedora 21 Final freeze and inside New York business hours.
 */
class SchedulerTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Instant HORIZON = at("2015-06-01T00:00:00Z");
    private static final Window FINAL_FREEZE = new Window("Fedora 21 Final freeze", WindowKind.FREEZE,
            at("2014-11-25T00:00:00Z"), at("2014-12-09T00:00:00Z"));
    private static final Window FINAL_RELEASE = new Window("Fedora 21 Final release", WindowKind.RELEASE,
            at("2014-12-09T00:00:00Z"), at("2014-12-10T00:00:00Z"));
    private static final Window HOLIDAY_FREEZE = new Window("Infrastructure holiday freeze", WindowKind.FREEZE,
            at("2014-12-22T00:00:00Z"), at("2015-01-05T00:00:00Z"));
    private static final Constraint FREEZES = new OutsideWindows("outside freezes", List.of(FINAL_FREEZE, HOLIDAY_FREEZE));
    private static final Constraint BUSINESS_HOURS = WithinBusinessHours.weekdays(LocalTime.of(9, 0),
            LocalTime.of(17, 0), NEW_YORK);

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Constraint leadTime(Instant now) {
        return new NotBefore("lead time", now.plus(Duration.ofDays(5)), "outages are announced 5 days ahead");
    }

    private static Constraint meeting(Instant now) {
        return new AfterWeeklyMeeting("weekly infrastructure meeting", DayOfWeek.THURSDAY, LocalTime.of(18, 0),
                ZoneOffset.UTC, now, 1);
    }

    private static Proposal.Found found(Proposal p) {
        assertThat(p).isInstanceOf(Proposal.Found.class);
        return (Proposal.Found) p;
    }

    @Test
    void without_constraints_the_earliest_start_is_proposed() {
        assertThat(Scheduler.propose(at("2014-11-20T10:00:00Z"), TWO_HOURS, List.of(), HORIZON))
                .isEqualTo(new Proposal.Found(at("2014-11-20T10:00:00Z"), List.of()));
    }

    @Test
    void a_freeze_pushes_the_date_past_the_next_meeting_and_business_hours_set_the_time() {
        Instant now = at("2014-11-20T10:00:00Z");
        Proposal p = Scheduler.propose(now, TWO_HOURS,
                List.of(leadTime(now), meeting(now), FREEZES, BUSINESS_HOURS), HORIZON);
        // lead time → 11-25 10:00; the meeting of 11-20 is already before that; the freeze → 12-09 00:00
        // (Monday 19:00 in New York) → Tuesday 09:00 EST
        assertThat(p).isEqualTo(new Proposal.Found(at("2014-12-09T14:00:00Z"), List.of(
                new Reason("lead time", true, "outages are announced 5 days ahead: not before Tuesday 2014-11-25 10:00 UTC"),
                new Reason("weekly infrastructure meeting", false, "3 weekly infrastructure meetings come before the"
                        + " start, the first on Thursday 2014-11-20 18:00 UTC and the last on Thursday 2014-12-04 18:00 UTC"),
                new Reason("outside freezes", true, "Fedora 21 Final freeze runs 2014-11-25 → 2014-12-09 (UTC): the"
                        + " deployment starts after it; Infrastructure holiday freeze runs 2014-12-22 → 2015-01-05 (UTC):"
                        + " the deployment ends before it"),
                new Reason("business hours", true, "the deployment runs Tuesday 2014-12-09 09:00–11:00"
                        + " America/New_York, inside business hours (Monday–Friday 09:00–17:00)"))));
    }

    @Test
    void a_meeting_after_the_freeze_moves_the_start_to_the_meeting_itself() {
        Instant now = at("2014-12-05T09:00:00Z");
        Proposal.Found p = found(Scheduler.propose(now, TWO_HOURS,
                List.of(leadTime(now), FREEZES, meeting(now), BUSINESS_HOURS), HORIZON));
        // the freeze ends 12-09, the next meeting is Thursday 12-11 18:00 UTC = 13:00 EST, inside business hours
        assertThat(p.start()).isEqualTo(at("2014-12-11T18:00:00Z"));
        assertThat(p.reasons()).extracting(Reason::constraint, Reason::moved).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lead time", true),
                org.assertj.core.groups.Tuple.tuple("outside freezes", false),
                org.assertj.core.groups.Tuple.tuple("weekly infrastructure meeting", true),
                org.assertj.core.groups.Tuple.tuple("business hours", false));
        assertThat(p.reasons().get(2).explanation())
                .isEqualTo("the weekly infrastructure meeting on Thursday 2014-12-11 18:00 UTC comes before the start");
    }

    @Test
    void business_hours_carry_a_friday_afternoon_request_across_the_weekend() {
        Proposal.Found p = found(Scheduler.propose(at("2014-12-12T20:00:00Z"), Duration.ofHours(3),
                List.of(BUSINESS_HOURS), HORIZON));
        assertThat(p.start()).isEqualTo(at("2014-12-15T14:00:00Z"));
        assertThat(p.reasons()).containsExactly(new Reason("business hours", true, "the deployment runs Monday"
                + " 2014-12-15 09:00–12:00 America/New_York, inside business hours (Monday–Friday 09:00–17:00)"));
    }

    @Test
    void the_gap_after_a_release_lands_in_the_holiday_freeze_which_pushes_the_start_into_january() {
        Constraint afterRelease = new AfterRelease(List.of(FINAL_RELEASE), Duration.ofDays(14));
        Proposal.Found p = found(Scheduler.propose(at("2014-12-11T15:00:00Z"), TWO_HOURS,
                List.of(afterRelease, FREEZES, BUSINESS_HOURS), HORIZON));
        // 12-24 00:00 after the release, inside the holiday freeze → 2015-01-05 00:00 → Monday 09:00 EST
        assertThat(p.start()).isEqualTo(at("2015-01-05T14:00:00Z"));
        assertThat(p.reasons()).containsExactly(
                new Reason("at least 2 weeks after a release", true, "Fedora 21 Final release runs 2014-12-09 →"
                        + " 2014-12-10 (UTC): the start comes 3 weeks 5 days 14 hours after its end, at least 2 weeks needed"),
                new Reason("outside freezes", true, "Infrastructure holiday freeze runs 2014-12-22 → 2015-01-05 (UTC):"
                        + " the deployment starts after it"),
                new Reason("business hours", true, "the deployment runs Monday 2015-01-05 09:00–11:00"
                        + " America/New_York, inside business hours (Monday–Friday 09:00–17:00)"));
    }

    @Test
    void a_start_past_the_horizon_is_impossible_and_says_which_constraint_went_past_it() {
        Constraint afterRelease = new AfterRelease(List.of(FINAL_RELEASE), Duration.ofDays(14));
        Proposal p = Scheduler.propose(at("2014-12-11T15:00:00Z"), TWO_HOURS, List.of(afterRelease, FREEZES),
                at("2014-12-31T00:00:00Z"));
        assertThat(p).isEqualTo(new Proposal.Impossible("no start up to the horizon, Wednesday 2014-12-31 00:00 UTC,"
                + " satisfies every constraint: outside freezes pushes the start to Monday 2015-01-05 00:00 UTC"));
    }

    @Test
    void a_constraint_with_no_start_to_offer_makes_the_proposal_impossible() {
        Proposal p = Scheduler.propose(at("2014-12-11T15:00:00Z"), Duration.ofHours(10), List.of(BUSINESS_HOURS), HORIZON);
        assertThat(p).isEqualTo(new Proposal.Impossible("business hours: no deployment of 10 hours starting at or"
                + " after Thursday 2014-12-11 15:00 UTC satisfies it"));
    }

    @Test
    void an_earliest_start_after_the_horizon_is_impossible() {
        assertThat(Scheduler.propose(HORIZON.plusSeconds(1), TWO_HOURS, List.of(), HORIZON)).isEqualTo(
                new Proposal.Impossible("the earliest start, Monday 2015-06-01 00:00 UTC, is after the horizon,"
                        + " Monday 2015-06-01 00:00 UTC"));
    }

    @Test
    void constraints_that_never_agree_stop_after_a_bounded_number_of_rounds() {
        Constraint restless = new Constraint() {
            @Override
            public String name() {
                return "restless";
            }

            @Override
            public Optional<Instant> earliest(Instant candidate, Duration length) {
                return Optional.of(candidate.plusNanos(1));
            }

            @Override
            public String explain(Instant start, Duration length) {
                return "never satisfied";
            }
        };
        assertThat(Scheduler.propose(at("2014-12-11T15:00:00Z"), TWO_HOURS, List.of(restless), HORIZON)).isEqualTo(
                new Proposal.Impossible("the constraints did not settle on a start after 10000 rounds"));
    }

    @Test
    void a_staging_soak_and_business_hours_settle_in_two_rounds() {
        // staged Monday 2014-12-15 16:00 UTC, soak 48 hours → Wednesday 16:00 UTC = 11:00 EST
        Constraint soak = new NotBefore("staging soak", at("2014-12-17T16:00:00Z"),
                "pkgdb2 2.0 must run 48 hours in staging");
        Proposal.Found p = found(Scheduler.propose(at("2014-12-15T16:00:00Z"), Duration.ofHours(7),
                List.of(soak, BUSINESS_HOURS), HORIZON));
        // 7 hours from 11:00 EST passes 17:00 → Thursday 09:00 EST
        assertThat(p.start()).isEqualTo(at("2014-12-18T14:00:00Z"));
        assertThat(p.reasons()).extracting(Reason::moved).containsExactly(true, true);
        assertThat(p.reasons().get(0).explanation())
                .isEqualTo("pkgdb2 2.0 must run 48 hours in staging: not before Wednesday 2014-12-17 16:00 UTC");
    }
}

package org.breakwater.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Windows, recurring windows and the calendar that merges them. */
class ReleaseCalendarTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Window FINAL_FREEZE = new Window("Fedora 21 Final freeze", WindowKind.FREEZE,
            at("2014-11-25T00:00:00Z"), at("2014-12-09T00:00:00Z"));
    private static final Window FINAL_RELEASE = new Window("Fedora 21 Final release", WindowKind.RELEASE,
            at("2014-12-09T00:00:00Z"), at("2014-12-10T00:00:00Z"));
    private static final RecurringWindow MIRROR_SYNC = RecurringWindow.of("Weekly mirror sync freeze",
            WindowKind.FREEZE, "0 20 * * FRI", Duration.ofHours(4), NEW_YORK);

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Window sync(String start, String end) {
        return new Window("Weekly mirror sync freeze", WindowKind.FREEZE, at(start), at(end),
                Optional.of("cron '0 20 * * FRI' in America/New_York"));
    }

    @Test
    void a_window_must_end_after_it_starts() {
        assertThatThrownBy(() -> new Window("Backwards", WindowKind.FREEZE, at("2014-12-09T00:00:00Z"),
                at("2014-11-25T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window 'Backwards' ends (2014-11-25T00:00:00Z) before it starts (2014-12-09T00:00:00Z)");
        assertThatThrownBy(() -> new Window("Empty", WindowKind.FREEZE, at("2014-12-09T00:00:00Z"),
                at("2014-12-09T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_window_overlaps_a_range_that_shares_an_instant_and_its_end_is_exclusive() {
        assertThat(FINAL_FREEZE.overlaps(at("2014-12-08T23:00:00Z"), at("2014-12-09T01:00:00Z"))).isTrue();
        assertThat(FINAL_FREEZE.overlaps(at("2014-12-09T00:00:00Z"), at("2014-12-09T01:00:00Z"))).isFalse();
        assertThat(FINAL_FREEZE.overlaps(at("2014-11-24T22:00:00Z"), at("2014-11-25T00:00:00Z"))).isFalse();
        assertThat(FINAL_FREEZE.overlaps(at("2014-11-01T00:00:00Z"), at("2014-12-31T00:00:00Z"))).isTrue();
        assertThat(FINAL_FREEZE.contains(at("2014-11-25T00:00:00Z"))).isTrue();
        assertThat(FINAL_FREEZE.contains(at("2014-12-09T00:00:00Z"))).isFalse();
    }

    @Test
    void window_kinds_have_stable_ids() {
        assertThat(WindowKind.RELEASE.id()).isEqualTo("release");
        assertThat(WindowKind.FREEZE.id()).isEqualTo("freeze");
        assertThat(WindowKind.fromId("Freeze")).contains(WindowKind.FREEZE);
        assertThat(WindowKind.fromId("outage")).isEmpty();
    }

    @Test
    void a_recurring_window_opens_each_time_its_cron_fires_in_its_zone() {
        // Fridays 20:00 New York time: 01:00 UTC on Saturday while EST is in force
        assertThat(MIRROR_SYNC.occurrences(at("2014-12-01T00:00:00Z"), at("2014-12-15T00:00:00Z"))).containsExactly(
                sync("2014-12-06T01:00:00Z", "2014-12-06T05:00:00Z"),
                sync("2014-12-13T01:00:00Z", "2014-12-13T05:00:00Z"));
        assertThat(MIRROR_SYNC.cron()).isEqualTo("0 20 * * FRI");
        assertThat(MIRROR_SYNC.zone()).isEqualTo(NEW_YORK);
    }

    @Test
    void an_occurrence_that_began_before_the_range_but_is_still_open_is_included() {
        assertThat(MIRROR_SYNC.occurrences(at("2014-12-06T04:00:00Z"), at("2014-12-06T06:00:00Z")))
                .containsExactly(sync("2014-12-06T01:00:00Z", "2014-12-06T05:00:00Z"));
        assertThat(MIRROR_SYNC.occurrences(at("2014-12-06T05:00:00Z"), at("2014-12-13T01:00:00Z"))).isEmpty();
    }

    @Test
    void recurring_occurrences_follow_the_wall_clock_across_a_dst_change() {
        // EDT until 2014-11-02: Friday 20:00 is 00:00 UTC on Saturday 1 November, then 01:00 UTC
        assertThat(MIRROR_SYNC.occurrences(at("2014-10-31T00:00:00Z"), at("2014-11-09T00:00:00Z"))).containsExactly(
                sync("2014-11-01T00:00:00Z", "2014-11-01T04:00:00Z"),
                sync("2014-11-08T01:00:00Z", "2014-11-08T05:00:00Z"));
    }

    @Test
    void a_recurring_window_must_last_some_time_and_have_a_valid_cron() {
        assertThatThrownBy(() -> RecurringWindow.of("Nothing", WindowKind.FREEZE, "0 20 * * FRI", Duration.ZERO, NEW_YORK))
                .hasMessage("recurring window 'Nothing' must last longer than 0, not PT0S");
        assertThatThrownBy(() -> RecurringWindow.of("Bad", WindowKind.FREEZE, "0 20 * * FRX", Duration.ofHours(1), NEW_YORK))
                .hasMessageStartingWith("the day-of-week field 'FRX'");
    }

    @Test
    void the_calendar_merges_fixed_and_recurring_windows_in_order_of_start() {
        ReleaseCalendar calendar = new ReleaseCalendar(List.of(FINAL_RELEASE, FINAL_FREEZE), List.of(MIRROR_SYNC));
        assertThat(calendar.between(at("2014-12-05T00:00:00Z"), at("2014-12-14T00:00:00Z"))).containsExactly(
                FINAL_FREEZE,
                sync("2014-12-06T01:00:00Z", "2014-12-06T05:00:00Z"),
                FINAL_RELEASE,
                sync("2014-12-13T01:00:00Z", "2014-12-13T05:00:00Z"));
    }

    @Test
    void freezes_and_releases_are_picked_by_kind() {
        ReleaseCalendar calendar = new ReleaseCalendar(List.of(FINAL_RELEASE, FINAL_FREEZE), List.of(MIRROR_SYNC));
        assertThat(calendar.freezesOverlapping(at("2014-12-08T00:00:00Z"), at("2014-12-14T00:00:00Z")))
                .containsExactly(FINAL_FREEZE, sync("2014-12-13T01:00:00Z", "2014-12-13T05:00:00Z"));
        assertThat(calendar.releases(at("2014-12-01T00:00:00Z"), at("2014-12-31T00:00:00Z")))
                .containsExactly(FINAL_RELEASE);
        assertThat(calendar.releases(at("2014-12-10T00:00:00Z"), at("2014-12-31T00:00:00Z"))).isEmpty();
    }

    @Test
    void windows_can_be_added_to_a_calendar() {
        ReleaseCalendar calendar = ReleaseCalendar.empty().plus(List.of(FINAL_FREEZE));
        assertThat(calendar.windows()).containsExactly(FINAL_FREEZE);
        assertThat(calendar.recurring()).isEmpty();
    }

    @Test
    void a_look_over_a_century_covers_its_first_ten_years_only() {
        RecurringWindow weekly = RecurringWindow.of("weekly freeze", WindowKind.FREEZE, "0 20 * * WED",
                Duration.ofHours(2), ZoneId.of("UTC"));
        Instant from = at("2014-06-02T00:00:00Z");
        List<Window> found = new ReleaseCalendar(List.of(), List.of(weekly)).between(from, from.plus(Duration.ofDays(36_500)));
        assertThat(found).hasSizeBetween(500, 530)
                .allSatisfy(w -> assertThat(w.start()).isBefore(from.plus(Duration.ofDays(10 * 366))));
    }

    @Test
    void a_minutely_window_over_a_year_lists_at_most_its_first_occurrences() {
        RecurringWindow minutely = RecurringWindow.of("every minute", WindowKind.FREEZE, "* * * * *",
                Duration.ofMinutes(1), ZoneId.of("UTC"));
        Instant from = at("2014-06-02T00:00:00Z");
        List<Window> found = minutely.occurrences(from, from.plus(Duration.ofDays(365)));
        assertThat(found).hasSize(20_000);
        assertThat(found.get(0).start()).isEqualTo(from);
    }
}

package org.breakwater.deployday.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayHoursTest {
    // Monday 16 June 2014, 15:00 to 19:00 UTC: the pkgdb2 window
    static final Instant START = Instant.parse("2014-06-16T15:00:00Z");
    static final Instant END = Instant.parse("2014-06-16T19:00:00Z");

    @Test
    void a_window_inside_someones_working_day_is_not_flagged() {
        assertThat(DayHours.outside(START, END, ZoneId.of("America/New_York"))).isEmpty();
        assertThat(DayHours.local(START, END, ZoneId.of("America/New_York"))).isEqualTo("Mon 11:00–15:00 America/New_York");
    }

    @Test
    void a_window_ending_after_eight_in_the_evening_is_flagged_with_their_local_times() {
        assertThat(DayHours.outside(START, END, ZoneId.of("Europe/Prague")))
                .hasValueSatisfying(w -> assertThat(w).startsWith("ends after 20:00").contains("Mon 17:00–21:00"));
    }

    @Test
    void a_window_before_eight_in_the_morning_is_flagged() {
        assertThat(DayHours.outside(START, END, ZoneId.of("Pacific/Honolulu")))
                .hasValueSatisfying(w -> assertThat(w).startsWith("starts before 08:00"));
    }

    @Test
    void a_window_crossing_midnight_or_on_a_weekend_is_flagged() {
        assertThat(DayHours.outside(START, END, ZoneId.of("Asia/Kolkata")))
                .hasValueSatisfying(w -> assertThat(w).startsWith("crosses midnight"));
        assertThat(DayHours.outside(Instant.parse("2014-06-14T10:00:00Z"), Instant.parse("2014-06-14T12:00:00Z"),
                ZoneId.of("UTC"))).hasValueSatisfying(w -> assertThat(w).startsWith("falls on their weekend"));
    }
}

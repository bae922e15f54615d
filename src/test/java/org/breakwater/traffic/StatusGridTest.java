package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusGridTest {
    static final Instant CUT = Instant.parse("2014-06-16T15:07:30Z");
    final StatusGrid grid = StatusGrid.around(List.of(CUT));

    static long minute(Instant at) {
        return StatusGrid.floor(at.getEpochSecond(), 60);
    }

    static Instant bucket(StatusGrid g, Instant at) {
        return Instant.ofEpochSecond(g.bucket(minute(at)));
    }

    @Test
    void minutes_are_kept_from_six_hours_before_a_deployment_until_twelve_hours_after() {
        assertThat(bucket(grid, CUT)).isEqualTo(Instant.parse("2014-06-16T15:07:00Z"));
        assertThat(bucket(grid, CUT.minus(Duration.ofHours(6)))).isEqualTo(Instant.parse("2014-06-16T09:07:00Z"));
        assertThat(bucket(grid, CUT.plus(Duration.ofHours(12)).minusSeconds(60)))
                .isEqualTo(Instant.parse("2014-06-17T03:06:00Z"));
    }

    @Test
    void elsewhere_buckets_are_hours_that_never_reach_across_the_edge_of_the_minutes() {
        assertThat(bucket(grid, Instant.parse("2014-06-16T09:06:59Z"))).isEqualTo(Instant.parse("2014-06-16T09:00:00Z"));
        assertThat(bucket(grid, Instant.parse("2014-06-16T02:59:00Z"))).isEqualTo(Instant.parse("2014-06-16T02:00:00Z"));
        assertThat(bucket(grid, Instant.parse("2014-06-17T03:07:00Z"))).isEqualTo(Instant.parse("2014-06-17T03:07:00Z"));
        assertThat(bucket(grid, Instant.parse("2014-06-17T03:59:00Z"))).isEqualTo(Instant.parse("2014-06-17T03:07:00Z"));
        assertThat(bucket(grid, Instant.parse("2014-06-17T04:01:00Z"))).isEqualTo(Instant.parse("2014-06-17T04:00:00Z"));
        assertThat(bucket(StatusGrid.around(List.of()), CUT)).isEqualTo(Instant.parse("2014-06-16T15:00:00Z"));
    }

    @Test
    void a_day_of_one_call_a_minute_far_from_any_deployment_makes_twenty_four_rows_not_1440() {
        Tally t = new Tally("pkgdb", "production", StatusGrid.around(List.of(CUT.minus(Duration.ofDays(10)))));
        CallerIdentifier.Caller who = new CallerIdentifier.Caller(Optional.of("genacls"), "10.0.0.1");
        Instant day = Instant.parse("2014-06-16T00:00:00Z");
        for (int m = 0; m < 1440; m++) {
            t.add(who, "GET /packages/{}", day.plusSeconds(60L * m), m % 10 == 0 ? 500 : 200);
        }
        assertThat(t.statuses()).hasSize(24).allSatisfy(c -> {
            assertThat(c.ok()).isEqualTo(54);
            assertThat(c.serverErrors()).isEqualTo(6);
        });
    }

    @Test
    void rows_further_than_the_window_behind_the_newest_call_of_any_pair_are_not_made() {
        Tally t = new Tally("pkgdb", "production", grid);
        CallerIdentifier.Caller who = new CallerIdentifier.Caller(Optional.of("genacls"), "10.0.0.1");
        t.add(who, "GET /critpath", CUT.minus(Duration.ofDays(3)), 200); // this pair's only (and newest) bucket
        t.add(who, "GET /packages/{}", CUT, 200);
        assertThat(t.statuses()).extracting(StatusCount::operation).containsExactly("GET /packages/{}");
        assertThat(t.usages()).hasSize(2); // the counts themselves are all kept
    }
}

package org.breakwater.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MomentsTest {
    @Test
    void a_moment_shows_to_the_minute_in_utc_with_its_seconds_dropped_not_rounded() {
        assertThat(Moments.show(Instant.parse("2014-06-16T12:00:59.999Z"))).isEqualTo("2014-06-16 12:00 UTC");
        assertThat(Moments.show(Instant.parse("2014-06-16T23:59:00Z"))).isEqualTo("2014-06-16 23:59 UTC");
    }
}

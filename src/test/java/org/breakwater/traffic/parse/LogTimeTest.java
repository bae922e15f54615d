package org.breakwater.traffic.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimeTest {
    private final LogTime times = new LogTime();

    private Instant parse(String text) {
        return times.parse("[" + text + "]", 1, text.length() + 1);
    }

    @Test
    void timeLocal() {
        assertThat(parse("10/Oct/2000:13:55:36 -0700")).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(parse("29/Feb/2024:23:59:59 +0530")).isEqualTo(Instant.parse("2024-02-29T18:29:59Z"));
        assertThat(parse("01/Jan/1970:00:00:00 +0000")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void iso8601AndEpochSeconds() {
        assertThat(parse("2000-10-10T13:55:36-07:00")).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(parse("2024-05-01T12:00:00.123456Z")).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
        assertThat(parse("2024-05-01 12:00:00+0100")).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
        assertThat(parse("1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(parse("1700000000.042")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 42_000_000));
    }

    @Test
    void nonsenseIsNull() {
        assertThat(parse("31/Apr/2024:00:00:00 +0000")).isNull();
        assertThat(parse("10/Okt/2000:13:55:36 -0700")).isNull();
        assertThat(parse("10/Oct/2000:25:55:36 -0700")).isNull();
        assertThat(parse("10/Oct/2000:13:55:36 -07x0")).isNull();
        assertThat(parse("2024-05-01T12:00:00")).isNull();
        assertThat(parse("2024-05-01T12:00:00.Z")).isNull();
        assertThat(parse("1700000000.")).isNull();
        assertThat(parse("-")).isNull();
        assertThat(parse("")).isNull();
    }

    @Test
    void theLastSecondIsCached() {
        Instant first = parse("10/Oct/2000:13:55:36 -0700");
        assertThat(times.parse("x 10/Oct/2000:13:55:36 -0700", 2, 28)).isSameAs(first);
        assertThat(parse("10/Oct/2000:13:55:37 -0700")).isEqualTo(first.plusSeconds(1));
    }
}

package org.breakwater.traffic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void the_line_says_how_far_how_fast_and_how_long_is_left() {
        assertThat(Progress.line(512L << 20, 1024L << 20, 4_000_000_000L))
                .isEqualTo("50%  512 MB of 1.0 GB  128 MB/s  about 4 s left");
        assertThat(Progress.line(3000, -1, 1_000_000_000L)).isEqualTo("2.9 kB  2.9 kB/s");
        assertThat(Progress.line(100, 100, 1_000_000_000L)).isEqualTo("100%  100 B of 100 B  100 B/s");
    }

    @Test
    void off_a_terminal_it_counts_and_draws_nothing() throws Exception {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(10, new PrintWriter(err), false)) {
            assertThat(p.count(new ByteArrayInputStream(new byte[10])).readAllBytes()).hasSize(10);
        }
        assertThat(err.toString()).isEmpty();
    }
}

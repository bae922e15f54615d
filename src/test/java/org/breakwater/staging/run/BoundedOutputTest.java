package org.breakwater.staging.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.breakwater.staging.Redactor;
import org.junit.jupiter.api.Test;

/** The kept head and tail of a process's output, and secrets taken out even where the output was cut. */
class BoundedOutputTest {
    static final Redactor SECRET = new Redactor(Map.of("PW", "ABCDEFGH"));

    static String kept(String text, int head, int tail) throws Exception {
        BoundedOutput out = new BoundedOutput(head, tail);
        out.drain(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return out.text(SECRET);
    }

    @Test
    void short_output_is_kept_whole_with_secrets_redacted() throws Exception {
        assertThat(kept("login ABCDEFGH ok", 10, 10)).isEqualTo("login [secret PW] ok");
    }

    @Test
    void long_output_keeps_its_head_and_tail_and_counts_what_it_dropped() throws Exception {
        assertThat(kept("0123456789" + "x".repeat(1000) + "abcdefghij", 10, 10))
                .isEqualTo("0123456789\n[... 1000 bytes of output not kept ...]\nabcdefghij");
    }

    @Test
    void a_secret_cut_at_the_end_of_the_head_or_the_start_of_the_tail_shows_none_of_it() throws Exception {
        String head = kept("123456ABCDEFGH" + "x".repeat(100), 10, 10);
        assertThat(head).startsWith("123456[part of secret PW]").doesNotContain("ABCD");
        String tail = kept("y".repeat(100) + "ABCDEFGH123456", 10, 10);
        assertThat(tail).endsWith("[part of secret PW]123456").doesNotContain("EFGH");
    }
}

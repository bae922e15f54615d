package org.breakwater.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared --json shapes: arrays, string arrays, optional numbers, and JSON-or-words. */
class JsonOutputTest {
    static String json(JsonOutput.Body body) {
        StringWriter s = new StringWriter();
        JsonOutput.print(new PrintWriter(s, true), body);
        return s.toString().replaceAll("\\s+", "");
    }

    @Test
    void arrays_of_items_and_strings_and_optional_numbers_are_written_as_fields() {
        assertThat(json(g -> {
            g.writeStartObject();
            JsonOutput.strings(g, "gaps", List.of("a", "b"));
            JsonOutput.strings(g, "none", List.of());
            JsonOutput.array(g, "ids", List.of(3L, 4L), (gen, n) -> gen.writeNumber(n));
            JsonOutput.number(g, "plan", Optional.of(7L));
            JsonOutput.number(g, "merged", Optional.empty());
            g.writeEndObject();
        })).isEqualTo("{\"gaps\":[\"a\",\"b\"],\"none\":[],\"ids\":[3,4],\"plan\":7,\"merged\":null}");
    }

    @Test
    void json_or_words_prints_one_of_them_and_ends_the_command_well() {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s, true);
        assertThat(JsonOutput.print(out, true, g -> g.writeString("j"), () -> out.println("words"))).isZero();
        assertThat(JsonOutput.print(out, false, g -> g.writeString("j"), () -> out.println("words"))).isZero();
        assertThat(s.toString().lines()).containsExactly("\"j\"", "words");
    }
}

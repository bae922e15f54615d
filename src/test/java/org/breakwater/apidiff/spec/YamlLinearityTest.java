package org.breakwater.apidiff.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * Reading YAML is linear in the input, shown by counting, not timing. snakeyaml-engine's
 * reader copies the scanner's unread look-ahead each time it fetches more input: with its
 * default 1 KB chunks a scalar, comment or line of n characters was copied n / 1024 times
 * (quadratic). With the settings {@link YamlTreeReader} uses, the input arrives in a bounded
 * number of chunks whatever its size, so each character is copied a bounded number of times.
 */
class YamlLinearityTest {
    private static final int MB = 1024 * 1024;

    /** A Reader that counts how often the YAML reader fetched input from it. */
    private static final class CountingReader extends StringReader {
        int fetches;

        CountingReader(String s) {
            super(s);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            fetches++;
            return super.read(buffer, offset, length);
        }
    }

    private static int fetches(String text, LoadSettings settings) {
        CountingReader source = new CountingReader(text);
        int events = 0;
        for (Event e : new Parse(settings).parseReader(source)) {
            events++;
        }
        assertThat(events).isPositive();
        return source.fetches;
    }

    private static int fetchesWithOurSettings(String text) {
        return fetches(text, YamlTreeReader.settings("x.yaml", ReadLimits.defaults(), text.length()));
    }

    @Test
    void the_input_reaches_the_scanner_in_a_bounded_number_of_chunks_whatever_its_size() {
        for (int size : new int[] {1000, 100_000, MB, 4 * MB}) {
            String oneScalar = "a: " + "x".repeat(size);
            String oneComment = "a: 1 # " + "x ".repeat(size / 2);

            assertThat(fetchesWithOurSettings(oneScalar)).as("%d-character scalar", size)
                    .isLessThanOrEqualTo(YamlTreeReader.REFILLS + 2);
            assertThat(fetchesWithOurSettings(oneComment)).as("%d-character comment", size)
                    .isLessThanOrEqualTo(YamlTreeReader.REFILLS + 2);
        }
    }

    @Test
    void with_the_library_defaults_the_chunks_grew_with_the_size_which_made_long_scalars_quadratic() {
        String scalar = "a: " + "x".repeat(MB);

        int defaults = fetches(scalar, LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build());

        assertThat(defaults).as("one fetch per kilobyte, each copying the whole look-ahead").isGreaterThan(1000);
        assertThat(fetchesWithOurSettings(scalar)).isLessThanOrEqualTo(YamlTreeReader.REFILLS + 2);
    }

    @Test
    void a_four_megabyte_plain_scalar_and_a_four_megabyte_junk_body_are_read_through_the_real_path() throws Exception {
        TreeReader reader = new TreeReader(ReadLimits.defaults());

        Node scalar = reader.parse("x".repeat(4 * MB), "big.yaml");
        SpecException junk = org.assertj.core.api.Assertions.catchThrowableOfType(SpecException.class,
                () -> new SpecReader(ReadLimits.defaults()).parse("j4Nk%q".repeat(700_000), "junk"));

        assertThat(((ScalarNode) scalar).text()).hasSize(4 * MB);
        assertThat(junk.problem().message()).contains("the top level is a string");
    }

    @Test
    void the_reader_hands_the_parser_text_whose_chunks_are_an_eighth_of_it() {
        LoadSettings settings = YamlTreeReader.settings("x.yaml", ReadLimits.defaults(), 8 * MB);

        assertThat(settings.getBufferSize()).isGreaterThanOrEqualTo(MB);
        assertThat(YamlTreeReader.settings("x.yaml", ReadLimits.defaults(), 10).getBufferSize())
                .as("small inputs keep a small buffer").isLessThanOrEqualTo(8192);
    }
}

package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.breakwater.apidiff.report.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `breakwater diff` on the real Twilio release pairs of ../shared/corpus, in every format:
 * each run finds the breaking changes (exit 1), prints a report in its format and never a
 * stack trace. Skipped, with a message, where the corpus is absent.
 */
class CorpusDiffTest {
    private static final Path CORPUS = Path.of("../shared/corpus/twilio");
    private static final String[][] PAIRS = {
        {"api_v2010.2.0.0.json", "api_v2010.2.6.7.json"},
        {"messaging_v1.1.20.0.json", "messaging_v1.2.6.7.json"},
        {"verify_v2.1.20.0.json", "verify_v2.2.6.7.json"},
    };

    static List<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String[] pair : PAIRS) {
            for (Format f : Format.values()) {
                out.add(Arguments.of(pair[0], pair[1], f.id()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} → {1} as {2}")
    @MethodSource("runs")
    void every_format_reports_the_breaking_changes_of_a_real_release(String before, String after, String format) {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus absent (../shared/corpus/twilio): skipped");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"diff", CORPUS.resolve(before).toString(), CORPUS.resolve(after).toString(),
            "--format", format}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(Main.CHECK_FAILED);
        assertThat(err.toString()).isEmpty();
        String report = out.toString();
        assertThat(report).doesNotContain("Exception").doesNotContain("\tat ");
        switch (format) {
            case "text" -> assertThat(report).contains("BREAKING").contains(before).contains(after);
            case "json" -> assertThat(report).contains("\"summary\"").contains("\"level\" : \"breaking\"");
            case "markdown" -> assertThat(report).contains("#### Breaking").contains("| --- |");
            case "html" -> assertThat(report).startsWith("<!DOCTYPE html>").contains("Breaking").endsWith("</html>\n");
            case "junit" -> assertThat(report).contains("<testsuites").contains("<failure");
            case "github" -> assertThat(report.lines()).anyMatch(l -> l.startsWith("::error file="));
            default -> throw new AssertionError("a format without a check: " + format);
        }
    }
}

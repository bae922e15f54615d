package org.breakwater.apidiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.spec.Problem;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Descriptions of a few kilobytes that YAML aliases multiply (src/test/resources/specs/bombs).
 * The alias bomb pair (1.5 KB each, expanding to 15 million nodes) once took the CLI 384 s and
 * 6.3 GB for a 310 MB report; now reading refuses it at the alias that expands it past ten
 * times its written size. A smaller pair under that bound still makes 40,000 findings, and
 * the report lists 10,000 of them and says it is truncated. Both run in a real CLI process
 * with a small heap, which shows the memory they take is bounded.
 */
class AliasBombTest {
    private static final Path BOMBS = Path.of("src/test/resources/specs/bombs");

    @TempDir
    Path dir;

    /** {@code breakwater ARGS} in a JVM of its own with at most {@code heap} of heap. */
    private CliRun cli(String heap, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.breakwater.cli.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not end");
        }
        return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void the_alias_bomb_pair_is_refused_while_reading_at_the_alias_that_expands_it_too_far() {
        SpecException e = catchThrowableOfType(SpecException.class, () -> new ApiDiff(DiffOptions.defaults())
                .compare(BOMBS.resolve("alias-old.yaml"), BOMBS.resolve("alias-new.yaml")));

        Problem p = e.problem();
        assertThat(p.file()).endsWith("alias-old.yaml");
        assertThat(p.message()).contains("the document expands to more than 200,000 nodes through YAML aliases")
                .contains("over 10 times the 85 nodes written in it");
        assertThat(p).extracting(Problem::line, Problem::column).containsExactly(12, 85);
    }

    @Test
    void the_cli_refuses_the_alias_bomb_pair_with_exit_2_and_a_clear_message_in_a_64_mb_heap() throws Exception {
        CliRun run = cli("64m", "diff", BOMBS.resolve("alias-old.yaml").toString(), BOMBS.resolve("alias-new.yaml").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("breakwater diff: " + BOMBS.resolve("alias-old.yaml")
                + ":12:85: the document expands to more than 200,000 nodes through YAML aliases")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void an_expansion_under_the_bound_gives_a_report_of_ten_thousand_findings_marked_truncated() throws Exception {
        Report report = new ApiDiff(DiffOptions.defaults())
                .compare(BOMBS.resolve("wide-old.yaml"), BOMBS.resolve("wide-new.yaml"));

        assertThat(report.findings()).hasSize(10_000);
        assertThat(report.summary().total()).isEqualTo(40_000);
        assertThat(report.notices()).first().asString().startsWith("the report is truncated: it lists 10,000 findings");
    }

    @Test
    void the_cli_writes_the_truncated_json_report_and_fails_the_check_in_a_96_mb_heap() throws Exception {
        CliRun run = cli("96m", "diff", BOMBS.resolve("wide-old.yaml").toString(), BOMBS.resolve("wide-new.yaml").toString(),
                "-f", "json");

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"truncated\" : true").contains("\"breaking\" : 20000");
        assertThat(run.err()).isEmpty();
    }
}

package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.breakwater.cli.common.TimeConverter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** One language for the command line: JSON is --json, and every time option reads times alike. */
class OneLanguageTest {
    private static final String CATALOG = "src/main/resources/demo/catalog";
    private static final String V1 = CATALOG + "/apis/pkgdb/v1/pkgdb.yaml";
    private static final String V2 = CATALOG + "/apis/pkgdb/v2/openapi.yaml";

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.run(args, args[0].equals("diff") ? List.of() : List.of("--data-dir=" + dir.resolve("data")));
    }

    @BeforeEach
    void catalog() {
        assertThat(run("catalog", "import", CATALOG).code()).isZero();
    }

    @Test
    void record_deployment_at_reads_the_times_that_where_plan_create_and_gate_record_read() {
        String[][] forms = {{"2026-09-21 09:30", "2026-09-21T09:30:00Z"}, {"2026-10-01T08:00Z", "2026-10-01T08:00:00Z"},
            {"2026-11-20", "2026-11-20T00:00:00Z"}, {"2026-11-21T10:00+02:00", "2026-11-21T08:00:00Z"}};
        int n = 0;
        for (String[] form : forms) {
            CliRun r = run("record-deployment", "--service", "pkgdb", "--version", "9.0." + n++, "--env", "staging",
                    "--at", form[0], "--json");
            assertThat(r.code()).as(form[0] + ": " + r.err()).isZero();
            assertThat(r.out()).as(form[0]).contains(form[1]);
            assertThat(run("where", "pkgdb", "--at", form[0]).code()).as("where --at " + form[0]).isZero();
        }
        CliRun bad = run("record-deployment", "--service", "pkgdb", "--version", "9.1", "--env", "staging", "--at", "noon");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'noon' is not a time; write 2026-09-21T09:30:00Z");
    }

    @Test
    void every_time_option_goes_through_the_one_time_converter() {
        List<String> timeOptions = new ArrayList<>();
        Main.everyCommand(Main.commandLine(), c -> {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.paramLabel().equals("TIME") || o.type() == java.time.Instant.class) {
                    timeOptions.add(c.getCommandSpec().qualifiedName() + " " + o.longestName());
                    assertThat(o.converters()).as(o.longestName()).hasSize(1);
                    assertThat(o.converters()[0]).as(c.getCommandSpec().qualifiedName() + " " + o.longestName())
                            .isInstanceOf(TimeConverter.class);
                }
            }
        });
        assertThat(timeOptions).contains("breakwater record-deployment --at", "breakwater where --at",
                "breakwater gate record --at", "breakwater plan create --start", "breakwater plan propose --not-before",
                "breakwater calendar show --from", "breakwater calendar show --to");
    }

    @Test
    void can_deploy_speaks_json_with_json_and_still_understands_output_json_with_a_note() {
        CliRun json = run("can-deploy", "--service", "pkgdb", "--version", "2.0.0", "--json");
        CliRun old = run("can-deploy", "--service", "pkgdb", "--version", "2.0.0", "--output", "json");
        assertThat(json.out()).startsWith("{").contains("\"deployable\"");
        assertThat(old.out()).isEqualTo(json.out());
        assertThat(old.code()).isEqualTo(json.code());
        assertThat(json.err()).doesNotContain("deprecated");
        assertThat(old.err()).contains("--output json is deprecated; write --json");
        assertThat(run("can-deploy", "--plan", "1", "--output", "xml").err()).contains("--output is text or json");
    }

    @Test
    void diff_json_is_the_same_as_format_json() {
        CliRun json = run("diff", V1, V2, "--json");
        CliRun format = run("diff", V1, V2, "-f", "json");
        assertThat(json.out()).startsWith("{").isEqualTo(format.out());
        assertThat(run("diff", V1, V2, "--json", "-f", "markdown").err()).contains("contradict");
    }

    @Test
    void every_command_that_prints_json_does_so_with_json() {
        Main.everyCommand(Main.commandLine(), c -> {
            for (OptionSpec o : c.getCommandSpec().options()) {
                String text = String.join(" ", o.description()).toLowerCase(java.util.Locale.ROOT);
                boolean offersJson = !o.hidden() && !o.longestName().equals("--json") && text.contains("json")
                        && !c.getCommandSpec().name().equals("ingest") // ingest --format reads JSON lines
                        && !o.longestName().equals("--log-format"); // serve's log lines on stderr, not its output
                if (offersJson) {
                    assertThat(c.getCommandSpec().findOption("--json"))
                            .as(c.getCommandSpec().qualifiedName() + " " + o.longestName() + " offers JSON").isNotNull();
                }
            }
        });
    }
}

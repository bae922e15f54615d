package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as a user meets it, through {@link Main#run}: exit codes, messages, files
 * written. Whatever happens, no output shows an exception or a stack trace.
 */
class CliTest {
    private static final String HEADER = "openapi: 3.0.3\ninfo: {title: Shop, version: \"1\"}\n";
    private static final String TWO_OPERATIONS = HEADER + "paths:\n"
            + "  /a:\n    get:\n      operationId: getA\n      responses: {\"200\": {description: ok}}\n"
            + "  /b:\n    get:\n      operationId: getB\n      responses: {\"200\": {description: ok}}\n";

    @TempDir
    Path dir;

    private Path v1;
    private Path v2;

    /** What one run printed and returned. */
    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @BeforeEach
    void unpackDemo() throws IOException {
        for (String name : List.of("v1/pkgdb.yaml", "v2/openapi.yaml", "v2/schemas/package.yaml",
                "v2/schemas/collection.yaml", "breakwater-ignore.yaml")) {
            Path target = dir.resolve("pkgdb").resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = CliTest.class.getClassLoader().getResourceAsStream("demo/catalog/apis/pkgdb/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, target);
            }
        }
        v1 = dir.resolve("pkgdb/v1/pkgdb.yaml");
        v2 = dir.resolve("pkgdb/v2/openapi.yaml");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static Node json(String text) throws SpecException {
        return new TreeReader(ReadLimits.defaults()).parse(text, "output.json");
    }

    private static String s(Path p) {
        return p.toString();
    }

    @Nested
    class ExitCodes {
        @Test
        void identical_descriptions_exit_0_with_no_changes() {
            CliRun r = run("diff", s(v1), s(v1));

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("0 breaking, 0 warning, 0 info").contains("No changes found.");
            assertThat(r.err()).isEmpty();
        }

        @Test
        void the_demo_pair_exits_1_and_lists_breaking_findings_with_positions() {
            CliRun r = run("diff", s(v1), s(v2));

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("BREAKING").contains("[endpoint-removed]").contains(v1 + ":");
        }

        @Test
        void a_warning_only_change_passes_by_default_and_fails_with_fail_on_warning() throws Exception {
            Path old = write("old.yaml", TWO_OPERATIONS);
            Path neu = write("new.yaml", TWO_OPERATIONS.replace("operationId: getB", "operationId: fetchB"));

            CliRun byDefault = run("diff", s(old), s(neu));
            CliRun strict = run("diff", s(old), s(neu), "--fail-on", "warning");

            assertThat(byDefault.code()).isZero();
            assertThat(byDefault.out()).contains("0 breaking, 1 warning").contains("[operation-id-changed]");
            assertThat(strict.code()).isEqualTo(1);
        }

        @Test
        void an_unknown_fail_on_level_is_a_usage_error() {
            CliRun r = run("diff", s(v1), s(v2), "--fail-on", "sometimes");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--fail-on must be breaking or warning").contains("'sometimes'");
            assertThat(r.out()).isEmpty();
        }

        @Test
        void an_unknown_option_is_a_usage_error_that_points_to_help() {
            CliRun r = run("diff", s(v1), s(v2), "--colour");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("unknown option '--colour'").contains("breakwater diff --help");
        }

        @Test
        void a_missing_argument_is_a_usage_error() {
            CliRun r = run("diff", s(v1));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("NEW").contains("--help");
        }

        @Test
        void an_unknown_format_is_a_usage_error() {
            CliRun r = run("diff", s(v1), s(v2), "--format", "pdf");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("pdf").contains("--help");
        }

        @Test
        void a_date_that_is_not_a_date_is_a_usage_error() {
            CliRun r = run("diff", s(v1), s(v2), "--date", "next tuesday");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--date").contains("not a date: 'next tuesday'").contains("YYYY-MM-DD");
        }

        @Test
        void an_unknown_command_is_a_usage_error() {
            CliRun r = run("compare", s(v1), s(v2));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("compare").contains("--help");
        }

        @Test
        void a_missing_file_is_an_input_error_that_names_it() {
            Path missing = dir.resolve("nowhere/openapi.yaml");

            CliRun r = run("diff", s(v1), s(missing));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("breakwater diff: " + missing + ": no such file" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }

        @Test
        void a_description_over_max_spec_size_is_refused_with_the_limit_named() {
            CliRun r = run("diff", s(v1), s(v2), "--max-spec-size", "1k");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("breakwater diff: " + v1 + ": the file is ")
                    .contains("over the limit of 1,024 bytes").contains("--max-spec-size");
        }

        @Test
        void a_max_spec_size_that_is_not_a_size_is_a_usage_error() {
            CliRun r = run("diff", s(v1), s(v2), "--max-spec-size", "lots");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("not a size: 'lots'");
        }
    }

    /** Bad inputs through the whole command line: one line on stderr, exit 2, nothing on stdout. */
    static Stream<Arguments> badInputs() {
        String ref = HEADER + "paths:\n  /a:\n    get:\n      responses:\n        \"200\": {$ref: \"%s\"}\n";
        return Stream.of(
                Arguments.of("malformed.json", "{\"openapi\": \"3.0.0\",\n \"info\": [}", ":2:"),
                Arguments.of("malformed.yaml", HEADER + "paths:\n  /a: [unclosed\n", ":5:"),
                Arguments.of("deep.json", "[".repeat(10_000) + "]".repeat(10_000), ":1:501: nesting deeper than 500 levels"),
                Arguments.of("deep.yaml", "- ".repeat(10_000) + "x\n", ":1:1001: nesting deeper than 500 levels"),
                Arguments.of("bomb.yaml", bomb(), ": the document expands to more than"),
                Arguments.of("remote.yaml", String.format(ref, "https://example.com/a.yaml"), ":7:23: $ref"),
                Arguments.of("escape.yaml", String.format(ref, "../../../etc/passwd"), ":7:23: $ref"),
                Arguments.of("v4.yaml", "openapi: 4.0.0\ninfo: {title: t, version: \"1\"}\npaths: {}\n",
                        ":1:10: unsupported OpenAPI version"),
                Arguments.of("empty.yaml", "# nothing here\n", ": the file is empty"),
                Arguments.of("list.json", "[1, 2, 3]", ":1:1: not an OpenAPI"),
                Arguments.of("duplicate.yaml", HEADER + "paths: {}\npaths: {}\n", ":4:1: duplicate key 'paths'"),
                Arguments.of("line-break.json", "{\"openapi\": \"4\\n0\", \"info\": {}}", ":1:13: unsupported OpenAPI version '4\\n0'"));
    }

    private static String bomb() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        return yaml.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void a_bad_description_gives_one_line_naming_the_position_and_exit_2(String name, String text, String expected)
            throws Exception {
        Path bad = write("bad/" + name, text);

        CliRun r = run("diff", s(v1), s(bad));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("breakwater diff: " + bad).contains(expected));
    }

    @Nested
    class Formats {
        @Test
        void json_output_parses_and_has_the_summary_and_the_findings() throws Exception {
            CliRun r = run("diff", s(v1), s(v2), "--format", "json");

            assertThat(r.code()).isEqualTo(1);
            ObjectNode report = (ObjectNode) json(r.out());
            ObjectNode summary = report.object("summary").orElseThrow();
            assertThat(summary.fields()).containsKeys("breaking", "warning", "info", "ignored");
            ArrayNode findings = report.array("findings").orElseThrow();
            assertThat(findings.items()).isNotEmpty();
            assertThat(((ScalarNode) summary.fields().get("breaking")).decimal().orElseThrow().intValue())
                    .isPositive()
                    .isEqualTo((int) findings.items().stream()
                            .filter(f -> ((ObjectNode) f).text("level").orElse("").equals("breaking")).count());
            ObjectNode first = (ObjectNode) findings.items().get(0);
            assertThat(first.fields()).containsKeys("id", "level", "operation", "location", "message", "file", "line");
        }

        @Test
        void the_format_name_is_case_insensitive() {
            assertThat(run("diff", s(v1), s(v1), "--format", "JSON").code()).isZero();
        }
    }

    @Nested
    class Output {
        @Test
        void output_writes_the_report_to_the_file_and_a_summary_to_stderr() throws Exception {
            Path report = dir.resolve("reports/diff.json");

            CliRun r = run("diff", s(v1), s(v2), "--format", "json", "--output", s(report));

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("report written to " + report);
            assertThat(json(Files.readString(report))).isInstanceOf(ObjectNode.class);
            assertThat(leftovers(report.getParent())).isEmpty();
        }

        @Test
        void a_bad_input_leaves_an_earlier_report_untouched() throws Exception {
            Path report = write("diff.txt", "the previous report\n");

            CliRun r = run("diff", s(v1), s(dir.resolve("missing.yaml")), "--output", s(report));

            assertThat(r.code()).isEqualTo(2);
            assertThat(Files.readString(report)).isEqualTo("the previous report\n");
        }

        @Test
        void a_bad_input_creates_no_output_file() {
            Path report = dir.resolve("new-report.txt");

            CliRun r = run("diff", s(v1), s(dir.resolve("missing.yaml")), "--output", s(report));

            assertThat(r.code()).isEqualTo(2);
            assertThat(report).doesNotExist();
        }

        @Test
        void an_output_path_that_is_a_folder_is_refused_and_leaves_no_half_written_file() throws Exception {
            Path folder = Files.createDirectories(dir.resolve("out/taken"));
            Files.writeString(folder.resolve("keep.txt"), "keep");

            CliRun r = run("diff", s(v1), s(v2), "--output", s(folder));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--output " + folder + " is a folder");
            assertThat(leftovers(folder.getParent())).isEmpty();
            assertThat(folder.resolve("keep.txt")).hasContent("keep");
        }

        @Test
        void an_output_path_under_a_regular_file_is_an_error() throws Exception {
            Path file = write("plain.txt", "x");

            CliRun r = run("diff", s(v1), s(v2), "--output", s(file.resolve("report.txt")));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("cannot write");
            assertThat(file).hasContent("x");
        }

        @Test
        void a_write_that_fails_at_the_last_step_removes_its_temporary_file() throws Exception {
            Path folder = Files.createDirectories(dir.resolve("out/in-the-way"));
            Files.writeString(folder.resolve("keep.txt"), "keep");

            org.assertj.core.api.Assertions.assertThatIOException()
                    .isThrownBy(() -> org.breakwater.cli.common.ReportFiles.writeAtomically(folder, "a report"));

            assertThat(leftovers(folder.getParent())).isEmpty();
            assertThat(folder.resolve("keep.txt")).hasContent("keep");
        }

        private List<Path> leftovers(Path folder) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            }
        }
    }

    @Nested
    class IgnoreFile {
        private Path old;
        private Path neu;

        @BeforeEach
        void removeAnOperation() throws IOException {
            old = write("old.yaml", TWO_OPERATIONS);
            neu = write("new.yaml", TWO_OPERATIONS.substring(0, TWO_OPERATIONS.indexOf("  /b:")));
        }

        @Test
        void without_an_ignore_file_the_removal_is_breaking() {
            CliRun r = run("diff", s(old), s(neu));

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("[endpoint-removed]");
        }

        @Test
        void a_matching_entry_hides_the_finding() throws Exception {
            Path ignore = write("ignore.yaml", "- id: endpoint-removed\n  operation: GET /b\n  reason: nobody calls it\n");

            CliRun r = run("diff", s(old), s(neu), "--ignore", s(ignore), "--format", "json");

            assertThat(r.code()).isZero();
            ObjectNode report = (ObjectNode) json(r.out());
            assertThat(report.array("findings").orElseThrow().items()).isEmpty();
            assertThat(report.array("ignored").orElseThrow().items()).singleElement()
                    .satisfies(n -> assertThat(((ObjectNode) n).text("reason")).contains("nobody calls it"));
        }

        @Test
        void an_expired_entry_hides_nothing_and_says_so() throws Exception {
            Path ignore = write("ignore.yaml",
                    "- id: endpoint-removed\n  operation: GET /b\n  reason: nobody calls it\n  until: 2020-01-31\n");

            CliRun r = run("diff", s(old), s(neu), "--ignore", s(ignore), "--date", "2025-06-01");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("[endpoint-removed]")
                    .contains("note: ignore entry at " + ignore + ":1").contains("expired on 2020-01-31");
        }

        @Test
        void an_entry_not_yet_expired_still_hides_the_finding() throws Exception {
            Path ignore = write("ignore.yaml",
                    "- id: endpoint-removed\n  operation: '*'\n  reason: nobody calls it\n  until: 2030-01-31\n");

            assertThat(run("diff", s(old), s(neu), "--ignore", s(ignore), "--date", "2025-06-01").code()).isZero();
        }

        @Test
        void an_unknown_rule_id_in_the_ignore_file_is_an_error_at_its_line() throws Exception {
            Path ignore = write("ignore.yaml", "- id: endpoint-removed\n  operation: GET /b\n  reason: r\n"
                    + "- id: endpoint-vanished\n  operation: GET /b\n  reason: r\n");

            CliRun r = run("diff", s(old), s(neu), "--ignore", s(ignore));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("breakwater diff: " + ignore
                    + ":4:7: unknown rule id 'endpoint-vanished' (see `breakwater rules`)");
        }

        @Test
        void a_malformed_ignore_file_is_an_error_at_its_line_and_column() throws Exception {
            Path ignore = write("ignore.yaml", "- id: endpoint-removed\n  operation: [GET /b\n  reason: r\n");

            CliRun r = run("diff", s(old), s(neu), "--ignore", s(ignore));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().lines()).singleElement().satisfies(line ->
                    assertThat(line).matches("breakwater diff: " + java.util.regex.Pattern.quote(s(ignore))
                            + ":\\d+:\\d+: malformed YAML.*"));
        }

        @Test
        void an_entry_without_a_reason_is_an_error() throws Exception {
            Path ignore = write("ignore.yaml", "- id: endpoint-removed\n  operation: GET /b\n");

            CliRun r = run("diff", s(old), s(neu), "--ignore", s(ignore));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(ignore + ":1:3: ignore entry needs 'reason'");
        }

        @Test
        void a_bad_until_date_is_an_error_at_the_date() throws Exception {
            Path ignore = write("ignore.yaml", "- id: endpoint-removed\n  operation: GET /b\n  reason: r\n  until: soon\n");

            CliRun r = run("diff", s(old), s(neu), "--ignore", s(ignore));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(ignore + ":4:10: 'until' must be a date");
        }

        @Test
        void a_missing_ignore_file_is_named() {
            Path missing = dir.resolve("no-ignore.yaml");

            CliRun r = run("diff", s(old), s(neu), "--ignore", s(missing));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(missing + ": no such file");
        }

        @Test
        void the_demo_ignore_file_hides_the_accepted_removal() {
            CliRun r = run("diff", s(v1), s(v2), "--ignore", s(dir.resolve("pkgdb/breakwater-ignore.yaml")),
                    "--date", "2014-06-01");

            assertThat(r.out()).contains("ignored").doesNotContain("POST /acls/dispatcher/toggle_acl\n");
        }
    }

    @Nested
    class Rules {
        @Test
        void rules_lists_every_rule_id_with_its_level() {
            CliRun r = run("rules");

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("endpoint-removed").contains("operation-id-changed").contains("breaking")
                    .containsPattern("\\d+ rules\\.");
        }

        @Test
        void rules_level_filters_the_list() {
            CliRun r = run("rules", "--level", "warning");

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("operation-id-changed").doesNotContain("endpoint-removed ");
        }

        @Test
        void an_unknown_rules_level_is_a_usage_error() {
            CliRun r = run("rules", "--level", "fatal");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--level must be breaking, warning or info");
        }

        @Test
        void rules_json_parses_and_lists_each_rule_with_id_and_level() throws Exception {
            CliRun r = run("rules", "--json");

            assertThat(r.code()).isZero();
            ArrayNode rules = (ArrayNode) json(r.out());
            assertThat(rules.items()).hasSizeGreaterThan(10).allSatisfy(n -> {
                ObjectNode rule = (ObjectNode) n;
                assertThat(rule.text("id")).hasValueSatisfying(id -> assertThat(id).matches("[a-z0-9-]+"));
                assertThat(rule.text("level")).hasValueSatisfying(l -> assertThat(l).isIn("breaking", "warning", "info"));
                assertThat(rule.text("explanation")).isPresent();
            });
            assertThat(rules.items()).anySatisfy(n -> assertThat(((ObjectNode) n).text("id")).contains("endpoint-removed"));
        }
    }

    @Nested
    class Help {
        @ParameterizedTest(name = "{0} --help")
        @ValueSource(strings = {"diff", "rules", "demo"})
        void each_command_has_help_that_exits_0_and_shows_an_example(String command) {
            CliRun r = run(command, "--help");

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: breakwater " + command).contains("Examples:")
                    .contains("  breakwater " + command);
            assertThat(r.err()).isEmpty();
        }

        @Test
        void the_top_level_help_lists_the_commands_and_shows_an_example() {
            CliRun r = run("--help");

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("diff").contains("rules").contains("demo")
                    .contains("breakwater diff old/openapi.yaml new/openapi.yaml");
        }

        @Test
        void the_help_command_explains_a_subcommand() {
            CliRun r = run("help", "diff");

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("--fail-on").contains("Exit codes");
        }

        @Test
        void diff_help_explains_the_exit_codes() {
            assertThat(run("diff", "--help").out()).contains("Exit codes: 0").contains("file:line:column");
        }

        @Test
        void no_arguments_shows_the_usage() {
            CliRun r = run();

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: breakwater");
        }

        @Test
        void version_is_printed() {
            CliRun r = run("--version");

            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("breakwater ");
        }
    }

    @Nested
    class Demo {
        @Test
        void demo_unpacks_into_the_given_folder_and_shows_breaking_findings() {
            Path target = dir.resolve("demo-here");

            CliRun r = run("demo", "--no-serve", "--dir", s(target));

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("BREAKING").contains("[endpoint-removed]")
                    .contains("Demo data unpacked to " + target);
            assertThat(target.resolve("catalog/apis/pkgdb/v1/pkgdb.yaml")).isRegularFile();
            assertThat(target.resolve("catalog/apis/pkgdb/v2/schemas/package.yaml")).isRegularFile();
        }

        @Test
        void demo_with_an_unknown_format_is_a_usage_error() {
            CliRun r = run("demo", "--no-serve", "--dir", s(dir.resolve("d")), "--format", "pdf");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.all()).contains("pdf");
        }

        @Test
        void demo_into_a_folder_that_cannot_be_created_is_an_error_without_a_stack_trace() throws Exception {
            Path file = write("not-a-folder", "x");

            CliRun r = run("demo", "--no-serve", "--dir", s(file.resolve("sub")));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("breakwater demo: cannot unpack the demo data: ").contains("not-a-folder");
        }
    }
}

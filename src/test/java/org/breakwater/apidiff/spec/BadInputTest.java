package org.breakwater.apidiff.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Report;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken, hostile and surprising input: each is refused with one {@link Problem} that names
 * the file, the line and column where there is one, and says what is wrong; none may crash,
 * hang, overflow the stack or read outside the description's folder.
 */
class BadInputTest {
    private static final String HEADER = "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static Problem problem(Path file) {
        return problem(file, ReadLimits.defaults());
    }

    private static Problem problem(Path file, ReadLimits limits) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> new SpecReader(limits).read(file));
        assertThat(e).as("reading %s must fail with a SpecException", file).isNotNull();
        Problem p = e.problem();
        assertThat(p.file()).isEqualTo(file.toString());
        assertThat(p.toString()).doesNotContain("\n").doesNotContain("Exception");
        return p;
    }

    /**
     * Reads {@code file} in a thread with a 256 KB stack: a reader that recursed once per level
     * of nesting would overflow it long before the depth limit.
     */
    private static Problem problemOnSmallStack(Path file) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                new SpecReader(ReadLimits.defaults()).read(file);
                outcome.set("read without error");
            } catch (SpecException e) {
                outcome.set(e.problem());
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (!(outcome.get() instanceof Problem p)) {
            throw new AssertionError("expected a Problem, got " + outcome.get());
        }
        return p;
    }

    /** A 3.0 description whose one response schema is {@code {$ref: ref}}, the ref on line 11, column 30. */
    private Path withRef(String name, String ref) throws IOException {
        return write(name, HEADER + "paths:\n  /a:\n    get:\n      responses:\n        \"200\":\n"
                + "          description: ok\n          content:\n            application/json:\n"
                + "              schema: {$ref: \"" + ref + "\"}\n");
    }

    private static final int REF_LINE = 11;
    private static final int REF_COLUMN = 30;

    @Nested
    class Syntax {
        @Test
        void malformed_json_is_reported_at_the_offending_character() throws Exception {
            String second = "  \"info\": {\"title\": \"x\",, \"version\": \"1\"}}";
            Path file = write("bad.json", "{\"openapi\": \"3.0.0\",\n" + second + "\n");

            Problem p = problem(file);

            assertThat(p.message()).startsWith("malformed JSON").contains("','");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(second.indexOf(",,") + 2);
        }

        @Test
        void json_that_ends_too_early_is_reported_at_its_end() throws Exception {
            Path file = write("short.json", "{\"openapi\": \"3.0.0\",\n  \"info\": {\"title\": \"x\"");

            Problem p = problem(file);

            assertThat(p.message()).startsWith("malformed JSON").containsIgnoringCase("end-of-input");
            assertThat(p.line()).isEqualTo(2);
        }

        @Test
        void an_unclosed_yaml_flow_sequence_is_reported_where_the_parser_gave_up() throws Exception {
            Path file = write("bad.yaml", "openapi: 3.0.0\ninfo:\n  title: [x\n  version: 1\n");

            Problem p = problem(file);

            assertThat(p.message()).startsWith("malformed YAML").contains("flow sequence");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(10);
        }

        @Test
        void a_tab_used_for_yaml_indentation_is_reported_at_the_tab() throws Exception {
            Path file = write("tab.yaml", HEADER + "paths:\n\t/a: {}\n");

            Problem p = problem(file);

            assertThat(p.message()).startsWith("malformed YAML").contains("\\t");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(1);
        }

        @Test
        void a_duplicate_key_in_yaml_names_both_lines() throws Exception {
            Path file = write("dup.yaml", HEADER + "paths: {}\ninfo: {title: u, version: \"2\"}\n");

            Problem p = problem(file);

            assertThat(p.message()).isEqualTo("duplicate key 'info' (first at line 2)");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(1);
        }

        @Test
        void a_duplicate_key_in_a_yaml_flow_mapping_is_reported_at_the_second_key() throws Exception {
            String line = "info: {title: t, version: \"1\", title: u}";
            Path file = write("dupflow.yaml", "openapi: 3.0.0\n" + line + "\npaths: {}\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("duplicate key 'title'");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(2, line.lastIndexOf("title") + 1);
        }

        @Test
        void a_duplicate_key_in_json_is_reported_at_the_second_key() throws Exception {
            String text = "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"openapi\": \"3.1.0\"}";
            Path file = write("dup.json", text);

            Problem p = problem(file);

            assertThat(p.message()).isEqualTo("duplicate key 'openapi' (first at line 1)");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, text.lastIndexOf("\"openapi\"") + 1);
        }

        @Test
        void a_yaml_error_about_a_line_break_stays_on_one_line() throws Exception {
            Path file = write("directive.yaml", HEADER + "%\npaths: {}\n");

            Problem p = problem(file);

            assertThat(p.message()).startsWith("malformed YAML").contains("directive").contains("\\n");
            assertThat(p.line()).isEqualTo(3);
        }

        @Test
        void a_duplicate_key_with_a_line_break_in_it_is_shown_escaped() throws Exception {
            Path file = write("newline-key.json", "{\"a\\nb\": 1, \"a\\nb\": 2}");

            assertThat(problem(file).message()).isEqualTo("duplicate key 'a\\nb' (first at line 1)");
        }

        @Test
        void a_reference_with_a_line_break_in_it_is_shown_escaped() throws Exception {
            Path file = write("newline-ref.json", "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"},"
                    + " \"paths\": {\"/a\": {\"$ref\": \"#/x\\ny\"}}}");

            assertThat(problem(file).message()).isEqualTo("$ref '#/x\\ny' points to nothing");
        }

        @Test
        void invalid_utf8_is_reported_at_the_first_bad_byte() throws Exception {
            byte[] start = (HEADER + "paths:\n  /caf").getBytes(StandardCharsets.UTF_8);
            byte[] bytes = java.util.Arrays.copyOf(start, start.length + 8);
            bytes[start.length] = (byte) 0xE9; // Latin-1 é, not UTF-8
            System.arraycopy(": {}\n\n\n".getBytes(StandardCharsets.UTF_8), 0, bytes, start.length + 1, 7);
            Path file = write("latin1.yaml", bytes);

            Problem p = problem(file);

            assertThat(p.message()).contains("not valid UTF-8").contains("0xE9");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(4, 7);
        }

        @Test
        void a_yaml_file_in_flow_style_is_read_as_yaml_not_as_json() throws Exception {
            Path file = write("flow.yaml", "{openapi: 3.0.3, info: {title: t, version: '1'}, paths: {}}\n");

            assertThat(new SpecReader(ReadLimits.defaults()).read(file).version()).isEqualTo(SpecVersion.OPENAPI_3_0);
        }

        @Test
        void a_byte_order_mark_before_json_is_accepted() throws Exception {
            byte[] json = "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[json.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(json, 0, bytes, 3, json.length);

            ApiSpec spec = new SpecReader(ReadLimits.defaults()).read(write("bom.json", bytes));

            assertThat(spec.title()).isEqualTo("t");
        }

        @Test
        void two_yaml_documents_in_one_file_are_refused() throws Exception {
            Path file = write("two.yaml", HEADER + "paths: {}\n---\n" + HEADER + "paths: {}\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("more than one YAML document");
            assertThat(p.line()).isEqualTo(4);
        }

        @Test
        void an_alias_to_an_unknown_anchor_is_reported_at_the_alias() throws Exception {
            Path file = write("alias.yaml", HEADER + "paths: *nowhere\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("*nowhere");
            assertThat(p.line()).isEqualTo(3);
        }

        @Test
        void an_alias_inside_the_node_it_names_is_refused() throws Exception {
            Path file = write("self.yaml", HEADER + "paths: &p\n  /a: *p\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("*p").contains("contains it");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(4, 7);
        }
    }

    @Nested
    class Limits {
        @Test
        void a_yaml_alias_bomb_is_refused_by_the_node_limit_without_being_expanded() throws Exception {
            StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            String previous = "a";
            for (char c = 'b'; c <= 'j'; c++) {
                yaml.append(c).append(": &").append(c).append(" [");
                for (int i = 0; i < 9; i++) {
                    yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
                }
                yaml.append("]\n");
                previous = String.valueOf(c);
            }
            Path file = write("lol.yaml", yaml.toString());
            ReadLimits noProportionalBound = new ReadLimits(ReadLimits.DEFAULT_MAX_BYTES, 500, 20_000_000L,
                    Long.MAX_VALUE, 1);

            Problem p = problem(file, noProportionalBound);

            assertThat(p.message()).contains("more than 20000000 nodes").contains("alias");
            assertThat(p.line()).as("the line of the alias that crossed the limit").isEqualTo(8);
            String line = yaml.toString().split("\n")[7];
            assertThat(line.indexOf('*', p.column() - 1)).as("the column is an alias").isEqualTo(p.column() - 1);
        }

        @Test
        void the_same_alias_bomb_is_refused_far_earlier_by_the_bound_relative_to_its_written_size() throws Exception {
            StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (char c = 'b'; c <= 'j'; c++) {
                yaml.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(8))
                        .append('*').append((char) (c - 1)).append("]\n");
            }

            Problem p = problem(write("lol.yaml", yaml.toString()));

            assertThat(p.message()).contains("more than 200,000 nodes through YAML aliases, over 10 times the");
            assertThat(p.line()).as("the line of the alias that crossed the bound").isEqualTo(6);
        }

        @Test
        void a_small_node_limit_refuses_even_a_modest_alias_tree() throws Exception {
            Path file = write("few.yaml", "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n");

            SpecException e = catchThrowableOfType(SpecException.class,
                    () -> new SpecReader(new ReadLimits(1_000_000, 500, 12)).read(file));

            assertThat(e.problem().message()).contains("more than 12 nodes");
            assertThat(e.problem().line()).isEqualTo(2);
        }

        @Test
        void json_nested_ten_thousand_arrays_deep_is_refused_at_the_depth_limit() throws Exception {
            Path file = write("deep.json", "[".repeat(10_000) + "]".repeat(10_000));

            Problem p = problemOnSmallStack(file);

            assertThat(p.message()).isEqualTo("nesting deeper than 500 levels");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 501);
        }

        @Test
        void json_nested_ten_thousand_objects_deep_is_refused_at_the_depth_limit() throws Exception {
            Path file = write("deep-objects.json", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));

            Problem p = problemOnSmallStack(file);

            assertThat(p.message()).contains("nesting deeper than 500 levels");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 500 * 5 + 1);
        }

        @Test
        void yaml_flow_style_nested_ten_thousand_deep_is_refused_at_the_depth_limit() throws Exception {
            Path file = write("deep-flow.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

            Problem p = problemOnSmallStack(file);

            assertThat(p.message()).contains("nesting deeper than 500 levels");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 3 + 500);
        }

        @Test
        void yaml_flow_mappings_nested_ten_thousand_deep_are_refused_at_the_depth_limit() throws Exception {
            Path file = write("deep-flow-map.yaml", "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");

            Problem p = problemOnSmallStack(file);

            assertThat(p.message()).contains("nesting deeper than 500 levels");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 500 * 4 + 1);
        }

        @Test
        void yaml_block_sequences_nested_ten_thousand_deep_are_refused_at_the_depth_limit() throws Exception {
            Path file = write("deep-block.yaml", "- ".repeat(10_000) + "x\n");

            Problem p = problemOnSmallStack(file);

            assertThat(p.message()).contains("nesting deeper than 500 levels");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 500 * 2 + 1);
        }

        @Test
        void yaml_block_mappings_nested_past_the_limit_are_refused_at_the_first_level_too_deep() throws Exception {
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < 1_000; i++) {
                yaml.append(" ".repeat(i)).append("k:\n");
            }
            Path file = write("deep-block-map.yaml", yaml.toString());

            Problem p = problemOnSmallStack(file);

            assertThat(p.message()).contains("nesting deeper than 500 levels");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(501, 501);
        }

        @Test
        void the_tree_builder_does_not_recurse_even_when_the_depth_limit_allows_ten_thousand_levels() throws Exception {
            Path file = write("deep-allowed.json", "[".repeat(10_000) + "]".repeat(10_000));
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    outcome.set(new TreeReader(new ReadLimits(1_000_000, 20_000, 1_000_000)).read(file, "deep"));
                } catch (Throwable e) {
                    outcome.set(e);
                }
            }, "small-stack", 256 * 1024);
            t.start();
            t.join();

            assertThat(outcome.get()).isInstanceOf(ArrayNode.class);
        }

        @Test
        void a_file_over_the_size_limit_is_refused_before_it_is_read() throws Exception {
            Path file = write("big.yaml", HEADER + "paths: {}\n" + "# padding\n".repeat(100));

            Problem p = problem(file, ReadLimits.defaults().withMaxBytes(512));

            assertThat(p.message()).contains("over the limit of 512 bytes").contains("--max-spec-size");
            assertThat(p.line()).isZero();
            assertThat(p.toString()).startsWith(file + ": the file is ");
        }

        @Test
        void the_size_limit_applies_to_each_referenced_file_too() throws Exception {
            Path main = withRef("main.yaml", "big.yaml#/Big");
            write("big.yaml", "Big: {type: string}\n" + "# padding\n".repeat(100));

            SpecException e = catchThrowableOfType(SpecException.class,
                    () -> new SpecReader(ReadLimits.defaults().withMaxBytes(512)).read(main));

            assertThat(e.problem().message()).contains("over the limit of 512 bytes");
            assertThat(e.problem().file()).endsWith("big.yaml");
        }

        @Test
        void a_number_with_a_huge_exponent_neither_exhausts_memory_nor_hangs() throws Exception {
            String schema = "paths:\n  /a:\n    get:\n      responses:\n        \"200\":\n          description: ok\n"
                    + "          content:\n            application/json:\n              schema: ";
            Path old = write("old.yaml", HEADER + schema
                    + "{type: number, default: 1e2147483647, maximum: 1e2147483647, multipleOf: 1e-2147483647}\n");
            Path neu = write("new.yaml", HEADER + schema + "{type: number, default: 2, maximum: 5, multipleOf: 1e2147483647}\n");

            Report report = new ApiDiff(DiffOptions.defaults()).compare(old, neu);

            assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).hasSizeLessThan(1_000));
        }
    }

    @Nested
    class References {
        private void assertRefused(Path file, String ref, String why) {
            Problem p = problem(file);
            assertThat(p.message()).contains("$ref '" + ref + "'").contains(why);
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(REF_LINE, REF_COLUMN);
        }

        @Test
        void an_http_reference_is_refused_without_being_fetched() throws Exception {
            assertRefused(withRef("http.yaml", "http://127.0.0.1:9/x.yaml#/S"), "http://127.0.0.1:9/x.yaml#/S",
                    "does not fetch remote references");
        }

        @Test
        void an_https_reference_is_refused_without_being_fetched() throws Exception {
            assertRefused(withRef("https.yaml", "https://example.com/x.yaml"), "https://example.com/x.yaml",
                    "does not fetch remote references");
        }

        @Test
        void a_protocol_relative_reference_is_refused() throws Exception {
            assertRefused(withRef("proto.yaml", "//example.com/x.yaml"), "//example.com/x.yaml", "refused");
        }

        @Test
        void a_file_url_is_refused() throws Exception {
            assertRefused(withRef("file.yaml", "file:///etc/passwd"), "file:///etc/passwd", "refused");
        }

        @Test
        void a_relative_path_that_climbs_out_of_the_folder_is_refused() throws Exception {
            assertRefused(withRef("up.yaml", "../../etc/passwd"), "../../etc/passwd", "leaves the folder");
        }

        @Test
        void a_percent_encoded_climb_out_of_the_folder_is_refused() throws Exception {
            assertRefused(withRef("up-encoded.yaml", "%2e%2e/%2e%2e/etc/passwd"), "%2e%2e/%2e%2e/etc/passwd",
                    "leaves the folder");
        }

        @Test
        void an_absolute_path_is_refused() throws Exception {
            assertRefused(withRef("abs.yaml", "/etc/passwd"), "/etc/passwd", "leaves the folder");
        }

        @Test
        void a_referenced_file_cannot_climb_out_of_the_main_files_folder_either() throws Exception {
            Files.createDirectories(dir.resolve("api/schemas"));
            Path main = Files.move(withRef("main.yaml", "schemas/a.yaml#/A"), dir.resolve("api/main.yaml"));
            Files.writeString(dir.resolve("api/schemas/a.yaml"), "A:\n  $ref: \"../../secret.yaml#/S\"\n");
            Files.writeString(dir.resolve("secret.yaml"), "S: {type: string}\n");

            SpecException e = catchThrowableOfType(SpecException.class,
                    () -> new SpecReader(ReadLimits.defaults()).read(main));

            assertThat(e.problem().message()).contains("$ref '../../secret.yaml#/S' refused: it leaves the folder");
            assertThat(e.problem().toString()).startsWith(dir.resolve("api/schemas/a.yaml") + ":2:9: ");
        }

        @Test
        void a_symbolic_link_to_a_file_outside_the_folder_is_refused() throws Exception {
            Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("secret.yaml"),
                    "S: {type: string}\n");
            Files.createDirectories(dir.resolve("api"));
            Path main = Files.move(withRef("main.yaml", "link.yaml#/S"), dir.resolve("api/main.yaml"));
            try {
                Files.createSymbolicLink(dir.resolve("api/link.yaml"), outside);
            } catch (UnsupportedOperationException | IOException e) {
                assumeTrue(false, "symbolic links are not supported here: " + e);
            }

            Problem p = problem(main);

            assertThat(p.message()).contains("$ref 'link.yaml#/S' refused").contains("outside the description's folder");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(REF_LINE, REF_COLUMN);
        }

        @Test
        void a_symbolic_link_to_a_folder_outside_is_refused() throws Exception {
            Path outside = Files.createDirectories(dir.resolve("outside"));
            Files.writeString(outside.resolve("secret.yaml"), "S: {type: string}\n");
            Files.createDirectories(dir.resolve("api"));
            Path main = Files.move(withRef("main.yaml", "shared/secret.yaml#/S"), dir.resolve("api/main.yaml"));
            try {
                Files.createSymbolicLink(dir.resolve("api/shared"), outside);
            } catch (UnsupportedOperationException | IOException e) {
                assumeTrue(false, "symbolic links are not supported here: " + e);
            }

            assertThat(problem(main).message()).contains("refused").contains("outside the description's folder");
        }

        @Test
        void a_pointer_to_nothing_names_the_reference() throws Exception {
            Path file = withRef("nothing.yaml", "#/components/schemas/Nope");

            Problem p = problem(file);

            assertThat(p.message()).isEqualTo("$ref '#/components/schemas/Nope' points to nothing");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(REF_LINE, REF_COLUMN);
        }

        @Test
        void a_pointer_to_nothing_in_another_file_names_that_file() throws Exception {
            Path file = withRef("main.yaml", "other.yaml#/Nope");
            write("other.yaml", "Yes: {type: string}\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("points to nothing in").contains("other.yaml");
        }

        @Test
        void a_pointer_with_a_broken_percent_escape_points_to_nothing_rather_than_crashing() throws Exception {
            Path file = withRef("escape.yaml", "#/components/%zz");

            assertThat(problem(file).message()).isEqualTo("$ref '#/components/%zz' points to nothing");
        }

        @Test
        void a_reference_to_a_file_that_does_not_exist_names_the_file() throws Exception {
            Path file = withRef("missing.yaml", "schemas/missing.yaml#/X");

            Problem p = problem(file);

            assertThat(p.message()).contains("no such file").contains("missing.yaml");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(REF_LINE, REF_COLUMN);
        }

        @Test
        void a_reference_to_a_broken_file_reports_the_position_in_that_file() throws Exception {
            Path file = withRef("main.yaml", "broken.json#/X");
            write("broken.json", "{\"X\": {\"type\": \"string\",}}");

            SpecException e = catchThrowableOfType(SpecException.class,
                    () -> new SpecReader(ReadLimits.defaults()).read(file));

            assertThat(e.problem().file()).endsWith("broken.json");
            assertThat(e.problem().message()).startsWith("malformed JSON");
            assertThat(e.problem().line()).isEqualTo(1);
        }

        @Test
        void a_reference_that_is_not_a_string_is_refused() throws Exception {
            Path file = write("number.yaml", HEADER + "paths:\n  /a:\n    get:\n      responses:\n        \"200\": {$ref: 42}\n");

            assertThat(problem(file).message()).isEqualTo("$ref must be a string");
        }

        @Test
        void parameters_that_refer_to_each_other_in_a_circle_are_refused() throws Exception {
            Path file = write("circle.yaml", HEADER + "paths:\n  /a:\n    get:\n      parameters:\n"
                    + "        - $ref: '#/components/parameters/A'\n      responses: {\"200\": {description: ok}}\n"
                    + "components:\n  parameters:\n    A: {$ref: '#/components/parameters/B'}\n"
                    + "    B: {$ref: '#/components/parameters/A'}\n");

            assertThat(problem(file).message()).isEqualTo("circular $ref");
        }

        @Test
        void a_schema_that_refers_to_itself_is_read() throws Exception {
            Path file = withRef("loop.yaml", "#/paths/~1a/get/responses/200/content/application~1json/schema");

            ApiSpec spec = new SpecReader(ReadLimits.defaults()).read(file);

            assertThat(spec.operations()).containsOnlyKeys("GET /a");
            assertThat(new ApiDiff(DiffOptions.defaults()).compare(file, file).findings()).isEmpty();
        }
    }

    @Nested
    class NotADescription {
        @Test
        void openapi_4_is_refused_at_the_version_field() throws Exception {
            Path file = write("v4.yaml", "openapi: 4.0\ninfo: {title: t, version: \"1\"}\npaths: {}\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("unsupported OpenAPI version '4.0'").contains("3.0 and 3.1");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 10);
        }

        @Test
        void swagger_1_2_is_refused_at_the_version_field() throws Exception {
            Path file = write("s12.json", "{\"swagger\": \"1.2\", \"info\": {}, \"paths\": {}}");

            Problem p = problem(file);

            assertThat(p.message()).contains("unsupported Swagger version '1.2'");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 13);
        }

        @Test
        void a_file_without_a_version_field_is_not_taken_for_a_description() throws Exception {
            Path file = write("nover.yaml", "info: {title: t, version: \"1\"}\npaths: {}\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("not an OpenAPI or Swagger description").contains("openapi: 3.x");
            assertThat(p.line()).isEqualTo(1);
        }

        @Test
        void an_empty_file_is_refused() throws Exception {
            Path file = write("empty.yaml", "");

            assertThat(problem(file).toString()).isEqualTo(file + ": the file is empty");
        }

        @Test
        void a_file_of_whitespace_and_comments_is_refused_as_empty() throws Exception {
            Path file = write("comments.yaml", "  \n# just a comment\n\n\t  # and another\n\n");

            assertThat(problem(file).message()).isEqualTo("the file is empty");
        }

        @Test
        void a_yaml_document_marker_alone_is_not_a_description() throws Exception {
            Path file = write("marker.yaml", "---\n");

            assertThat(problem(file).message()).contains("not an OpenAPI or Swagger description");
        }

        @Test
        void a_top_level_array_is_refused() throws Exception {
            Path file = write("array.json", "[{\"openapi\": \"3.0.0\"}]");

            Problem p = problem(file);

            assertThat(p.message()).contains("the top level is an array, not an object");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 1);
        }

        @Test
        void a_top_level_yaml_sequence_is_refused() throws Exception {
            Path file = write("array.yaml", "# a list\n- openapi: 3.0.0\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("the top level is an array");
            assertThat(p.line()).isEqualTo(2);
        }

        @Test
        void a_top_level_string_is_refused() throws Exception {
            assertThat(problem(write("text.yaml", "hello world\n")).message()).contains("the top level is a string");
        }

        @Test
        void a_directory_given_as_the_file_is_refused() throws Exception {
            Path folder = Files.createDirectories(dir.resolve("folder.yaml"));

            assertThat(problem(folder).message()).contains("is a directory");
        }

        @Test
        void a_file_that_does_not_exist_is_named() throws Exception {
            Path file = dir.resolve("nowhere.yaml");

            assertThat(problem(file).toString()).isEqualTo(file + ": no such file");
        }

        @Test
        void a_path_that_is_not_an_object_is_reported_at_its_value() throws Exception {
            Path file = write("paths.yaml", HEADER + "paths:\n  /a: [1, 2]\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("path item '/a' must be an object");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(4, 7);
        }

        @Test
        void webhooks_that_are_not_an_object_are_reported_at_their_value() throws Exception {
            Path file = write("webhooks.yaml", "openapi: 3.1.0\ninfo: {title: t, version: \"1\"}\nwebhooks: [a]\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("'webhooks' must be an object");
            assertThat(p.line()).isEqualTo(3);
        }

        @Test
        void a_webhook_that_is_not_an_object_is_reported_at_its_value() throws Exception {
            Path file = write("webhook.yaml", "openapi: 3.1.0\ninfo: {title: t, version: \"1\"}\nwebhooks:\n  newPet: 1\n");

            Problem p = problem(file);

            assertThat(p.message()).contains("path item 'newPet' must be an object");
            assertThat(p.line()).isEqualTo(4);
        }
    }

    @Test
    void a_refusal_never_carries_a_stack_trace() {
        SpecException e = new SpecException(Problem.inFile("x.yaml", "the file is empty"));

        assertThat(e.getStackTrace()).isEmpty();
        if (e.getCause() != null) {
            fail("a problem has no cause to print");
        }
    }
}

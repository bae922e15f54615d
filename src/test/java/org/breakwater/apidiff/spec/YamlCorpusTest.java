package org.breakwater.apidiff.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The YAML edge cases under src/test/resources/yaml: each file is read as a description file
 * would be, and every value is checked as YAML 1.2 defines it.
 */
class YamlCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/yaml");
    private final TreeReader reader = new TreeReader(ReadLimits.defaults());

    private Node read(String file) throws SpecException {
        return reader.read(CORPUS.resolve(file), file);
    }

    private static ScalarNode at(Node root, String pointer) {
        Node n = Pointer.find(root, pointer);
        assertThat(n).as(pointer).isInstanceOf(ScalarNode.class);
        return (ScalarNode) n;
    }

    private static String text(Node root, String pointer) {
        return at(root, pointer).text();
    }

    @Test
    void every_yaml_1_2_escape_in_a_double_quoted_scalar_reads_as_the_character_it_names() throws Exception {
        Node root = read("escapes.yaml");

        assertThat(text(root, "/netbird")).isEqualTo("C:\u2029rogramData\u0085etBird\netbird.exe");
        String[][] expected = {
            {"null-char", "\0"}, {"bell", "\u0007"}, {"backspace", "\b"}, {"tab", "\t"}, {"tab-char", "\t"},
            {"line-feed", "\n"}, {"vertical-tab", "\u000b"}, {"form-feed", "\f"}, {"carriage-return", "\r"},
            {"escape", "\u001b"}, {"space", " "}, {"double-quote", "\""}, {"slash", "/"}, {"backslash", "\\"},
            {"next-line", "\u0085"}, {"nbsp", "\u00a0"}, {"line-separator", "\u2028"},
            {"paragraph-separator", "\u2029"}, {"hex8", "A"}, {"hex16", "é"}, {"hex32", "\uD83D\uDE00"},
            {"escaped-backslash-then-p", "\\P"}, {"three-backslashes-then-p", "\\\u2029"},
        };
        for (String[] e : expected) {
            assertThat(text(root, "/" + e[0])).as(e[0]).isEqualTo("<" + e[1] + ">");
        }
        assertThat(text(root, "/tab-before-break")).as("an escaped tab is content, even before a line break")
                .isEqualTo("a\t b");
    }

    @Test
    void a_backslash_outside_double_quotes_stays_an_ordinary_character() throws Exception {
        Node root = read("escapes.yaml");

        assertThat(text(root, "/plain")).isEqualTo("C:\\ProgramData\\NetBird");
        assertThat(text(root, "/single")).isEqualTo("C:\\ProgramData\\Lib");
        assertThat(text(root, "/literal")).isEqualTo("C:\\ProgramData\\\tx\n");
    }

    @Test
    void escapes_keep_the_columns_of_what_follows_them_on_the_line() throws Exception {
        Node root = read("escapes.yaml");
        String line = Files.readAllLines(CORPUS.resolve("escapes.yaml")).get(27);

        ScalarNode after = at(root, "/flow/after");
        assertThat(text(root, "/flow/first")).isEqualTo("\u2029\u2028");
        assertThat(after.line()).isEqualTo(28);
        assertThat(after.column()).isEqualTo(line.indexOf(" 1}") + 2);
    }

    @Test
    void an_unknown_escape_is_still_refused_at_its_line_and_column() {
        String yaml = "a: 1\nb: \"C:\\ProgramData\\Quux\"\n";

        SpecException e = catchThrowableOfType(SpecException.class, () -> reader.parse(yaml, "q.yaml"));

        assertThat(e.problem().message()).contains("unknown escape character Q");
        assertThat(e.problem()).extracting(Problem::line, Problem::column).containsExactly(2, 20);
    }

    @Test
    void block_scalars_honour_chomping_and_indentation_indicators() throws Exception {
        Node root = read("block-scalars.yaml");

        assertThat(text(root, "/literal")).isEqualTo("one\n two\n");
        assertThat(text(root, "/strip")).isEqualTo("text");
        assertThat(text(root, "/keep")).isEqualTo("text\n\n");
        assertThat(text(root, "/folded")).isEqualTo("one two\nthree\n");
        assertThat(text(root, "/indented")).isEqualTo("  four spaces\ntwo spaces\n");
        assertThat(text(root, "/folded-indented-strip")).isEqualTo(" lead\n  more");
        assertThat(text(root, "/last")).isEqualTo("end");
    }

    @Test
    void flow_collections_across_lines_read_whole() throws Exception {
        Node root = read("flow-collections.yaml");

        assertThat(((ArrayNode) Pointer.find(root, "/list")).items()).hasSize(4);
        assertThat(text(root, "/list/2")).isEqualTo("three");
        assertThat(at(root, "/list/3/n").kind()).isEqualTo(ScalarNode.Kind.NUMBER);
        assertThat(text(root, "/map/a/1")).isEqualTo("2");
        assertThat(text(root, "/map/b/c")).isEqualTo("d");
        assertThat(text(root, "/multi-line-plain")).isEqualTo("this is one plain scalar over three lines");
    }

    @Test
    void tags_decide_the_type_and_directives_are_accepted() throws Exception {
        Node root = read("tags.yaml");

        assertThat(at(root, "/as-string").kind()).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(at(root, "/as-string-bool").kind()).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(at(root, "/plain-int").kind()).isEqualTo(ScalarNode.Kind.NUMBER);
        assertThat(text(root, "/custom")).isEqualTo("value");
        assertThat(text(root, "/local")).isEqualTo("42");
        assertThat(at(root, "/quoted-number").kind()).isEqualTo(ScalarNode.Kind.STRING);
    }

    @Test
    void an_anchor_on_a_key_can_be_reused_as_a_key_and_collections_through_aliases_and_merges()
            throws Exception {
        Node root = read("anchors-on-keys.yaml");

        assertThat(text(root, "/name")).isEqualTo("first");
        assertThat(text(root, "/other/name")).isEqualTo("second");
        assertThat(text(root, "/copy/y/1")).isEqualTo("b");
        assertThat(text(root, "/merged/x")).isEqualTo("1");
        assertThat(text(root, "/merged/z")).isEqualTo("3");
    }

    @Test
    void a_byte_order_mark_is_skipped_and_columns_count_from_the_first_character() throws Exception {
        Node root = read("bom.yaml");

        assertThat(text(root, "/openapi")).isEqualTo("3.0.3");
        assertThat(at(root, "/openapi").column()).isEqualTo(10);
        assertThat(text(root, "/title")).isEqualTo("with a byte order mark");
    }

    @Test
    void crlf_line_ends_read_like_lf_and_lines_count_right() throws Exception {
        assertThat(Files.readString(CORPUS.resolve("crlf.yaml"))).as("the file keeps its CRLFs").contains("\r\n");
        Node root = read("crlf.yaml");

        assertThat(text(root, "/second")).isEqualTo("two lines");
        assertThat(text(root, "/third")).isEqualTo("a\nb\n");
        assertThat(at(root, "/fourth").line()).isEqualTo(7);
    }

    @Test
    void document_markers_and_the_yaml_directive_frame_one_document() throws Exception {
        Node root = read("document-markers.yaml");

        assertThat(text(root, "/a")).isEqualTo("1");
        assertThat(at(root, "/a").line()).isEqualTo(4);
        assertThat(text(root, "/b")).isEqualTo("--- not a marker");
        assertThat(text(root, "/c")).isEqualTo("... not an end either\n");
    }
}

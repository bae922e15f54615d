package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Json;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecReader;
import org.breakwater.apidiff.spec.SpecVersion;
import org.breakwater.apidiff.spec.TreeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real and realistic descriptions through the reading and comparison of the JSON Schema
 * 2020-12 keywords, callbacks, links and servers: nothing crashes, and identical versions
 * report nothing. The shared corpus (../shared/corpus, see its NOTICE) holds OpenAPI 3.0.1
 * descriptions only, so each is also read as 3.1 (its version line changed), which switches on
 * the 2020-12 keywords; specs/openapi31/keywords.yaml, written for these tests, uses all of them.
 */
class KeywordCorpusTest {
    private static final String OWN = "/specs/openapi31/keywords.yaml";

    private final SpecReader reader = new SpecReader(ReadLimits.defaults());
    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @TempDir
    Path dir;

    @Test
    void a_3_1_description_using_every_keyword_compared_with_itself_reports_nothing() throws Exception {
        ApiSpec spec = reader.read(own());

        assertThat(spec.version()).isEqualTo(SpecVersion.OPENAPI_3_1);
        assertThat(spec.operations().get("POST /builds").callbacks()).hasSize(1);
        assertThat(diff.compare(spec, reader.read(own())).findings()).isEmpty();
    }

    @Test
    void the_same_3_1_description_written_as_json_compares_equal_to_its_yaml() throws Exception {
        Path json = dir.resolve("keywords.json");
        Files.writeString(json, Json.write(new TreeReader(ReadLimits.defaults()).read(own(), "keywords.yaml")),
                StandardCharsets.UTF_8);

        assertThat(diff.compare(own(), json).findings()).isEmpty();
    }

    @Test
    void every_corpus_description_read_as_written_and_as_3_1_compared_with_itself_reports_nothing() throws Exception {
        List<Path> files = corpus();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(diff.compare(reader.parse(text, "old"), reader.parse(text, "new")).findings())
                    .as(file.toString()).isEmpty();
            String as31 = as31(text);
            ApiSpec one = reader.parse(as31, "old");
            assertThat(one.version()).isEqualTo(SpecVersion.OPENAPI_3_1);
            assertThat(diff.compare(one, reader.parse(as31, "new")).findings()).as(file + " as 3.1").isEmpty();
        }
    }

    @Test
    void a_corpus_release_pair_read_as_3_1_reports_no_keyword_finding() throws Exception {
        List<Path> files = corpus();
        Path before = files.stream().filter(f -> f.getFileName().toString().equals("messaging_v1.1.20.0.json")).findFirst().orElseThrow();
        Path after = before.resolveSibling("messaging_v1.2.6.7.json");

        Report as30 = diff.compare(reader.read(before), reader.read(after));
        Report as31 = diff.compare(reader.parse(as31(Files.readString(before)), before.toString()),
                reader.parse(as31(Files.readString(after)), after.toString()));

        assertThat(as30.findings()).isNotEmpty();
        assertThat(as31.findings().stream().map(KeywordCorpusTest::key).toList())
                .isEqualTo(as30.findings().stream().map(KeywordCorpusTest::key).toList());
    }

    private static String key(Finding f) {
        return f.id() + " " + f.operation() + " " + f.source().pointer() + " " + f.message();
    }

    /** The description relabelled OpenAPI 3.1.0. */
    private static String as31(String text) {
        String relabelled = text.replaceFirst("\"openapi\"\\s*:\\s*\"3\\.0\\.[0-9]+\"", "\"openapi\": \"3.1.0\"");
        assertThat(relabelled).isNotEqualTo(text);
        return relabelled;
    }

    private Path own() throws Exception {
        return Path.of(KeywordCorpusTest.class.getResource(OWN).toURI());
    }

    /** The corpus files, from the main checkout (../shared) or a worktree (../../shared); skipped when absent. */
    private static List<Path> corpus() throws IOException {
        Path root = Stream.of(Path.of("../shared/corpus"), Path.of("../../shared/corpus")).filter(Files::isDirectory)
                .findFirst().orElse(null);
        assumeTrue(root != null, "shared corpus absent (../shared/corpus): skipped");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}

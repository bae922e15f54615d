package org.breakwater.apidiff.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves every operation-level rule (every rule of {@link Rules} that is not a schema rule)
 * with a pair of small descriptions in {@code src/test/resources/rules/operation/<rule-id>/}:
 * {@code old.yaml}, {@code new.yaml} and {@code expect.yaml}. The comparison must report
 * exactly one finding, and its id, level, operation, pointer and side must be the ones
 * written by hand in {@code expect.yaml}, so a wrong level in the catalogue fails here.
 *
 * <p>{@code expect.yaml} holds {@code id}, {@code level}, {@code operation} ("" for
 * whole-API changes), {@code location} (a JSON pointer), {@code side} ({@code old} for
 * removals, else {@code new}) and, for rules that judge x-sunset dates, {@code today}.
 */
class OperationRuleFixturesTest {
    private static final String FIXTURES = "/rules/operation";
    private static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 1, 1);

    @TestFactory
    Stream<DynamicTest> each_fixture_produces_exactly_its_finding() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : folders()) {
            tests.add(DynamicTest.dynamicTest(folder.getFileName().toString(), folder.toUri(), () -> check(folder)));
        }
        return tests.stream();
    }

    @Test
    void every_operation_rule_has_a_fixture() throws Exception {
        Set<String> present = new HashSet<>();
        for (Path folder : folders()) {
            present.add(folder.getFileName().toString());
        }
        List<String> missing = operationRules().stream().filter(id -> !present.contains(id)).toList();
        assertThat(missing).as("operation rules without a fixture folder under src/test/resources%s", FIXTURES)
                .isEmpty();
    }

    @Test
    void every_fixture_folder_names_an_operation_rule() throws Exception {
        List<String> known = operationRules();
        List<String> stray = folders().stream().map(f -> f.getFileName().toString())
                .filter(name -> !known.contains(name)).toList();
        assertThat(stray).as("fixture folders that name no operation rule").isEmpty();
    }

    private static void check(Path folder) throws IOException, SpecException {
        Fixture fixture = Fixture.read(folder);
        assertThat(fixture.expected().id()).as("expect.yaml id").isEqualTo(folder.getFileName().toString());
        Path oldFile = folder.resolve("old.yaml");
        Path newFile = folder.resolve("new.yaml");
        Clock clock = Clock.fixed(fixture.today().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);

        List<Finding> findings = new ApiDiff(new DiffOptions(ReadLimits.defaults(), clock))
                .compare(oldFile, newFile).findings();

        assertThat(findings.stream().map(f -> Expected.of(f, oldFile, newFile)).toList())
                .as("findings of %s:%n%s", folder.getFileName(), describe(findings))
                .containsExactly(fixture.expected());
        assertThat(findings.get(0).source().line()).as("line of the finding").isPositive();
        assertThat(findings.get(0).message()).isNotBlank();
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> "  " + f.id() + ": " + f.message()).collect(Collectors.joining("\n"));
    }

    /** Every rule id that is not Scope × SchemaChange, in catalogue order. */
    private static List<String> operationRules() {
        Set<String> schemaRules = new HashSet<>();
        for (Scope scope : Scope.values()) {
            for (SchemaChange change : SchemaChange.all()) {
                if (change.appliesTo(scope)) {
                    schemaRules.add(scope.prefix() + "-" + change.suffix());
                }
            }
        }
        // comparison-incomplete marks a comparison cut short by its step budget, not a change
        // between two descriptions: ComparisonBoundsTest proves it with a small budget
        schemaRules.add(Rules.COMPARISON_INCOMPLETE.id());
        return Rules.all().stream().map(Rule::id).filter(id -> !schemaRules.contains(id)).toList();
    }

    private static List<Path> folders() throws IOException, URISyntaxException {
        URL url = OperationRuleFixturesTest.class.getResource(FIXTURES);
        assertThat(url).as("fixture folder %s on the test class path", FIXTURES).isNotNull();
        try (Stream<Path> entries = Files.list(Path.of(url.toURI()))) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** One fixture folder's expect.yaml: the finding, and the day the comparison runs on. */
    private record Fixture(Expected expected, LocalDate today) {

        static Fixture read(Path folder) throws IOException, SpecException {
            Path file = folder.resolve("expect.yaml");
            Node root = new TreeReader(ReadLimits.defaults()).read(file, file.toString());
            if (!(root instanceof ObjectNode o)) {
                throw new IllegalArgumentException(file + ": expected a mapping");
            }
            String level = required(o, "level", file);
            String side = required(o, "side", file);
            if (!side.equals("old") && !side.equals("new")) {
                throw new IllegalArgumentException(file + ": side must be old or new, not " + side);
            }
            Expected expected = new Expected(required(o, "id", file),
                    Level.parse(level).orElseThrow(() -> new IllegalArgumentException(file + ": unknown level " + level)),
                    required(o, "operation", file), required(o, "location", file), side);
            return new Fixture(expected, o.text("today").map(LocalDate::parse).orElse(DEFAULT_TODAY));
        }

        private static String required(ObjectNode o, String key, Path file) {
            return o.text(key).orElseThrow(() -> new IllegalArgumentException(file + ": no '" + key + "'"));
        }
    }

    /** A finding as a fixture describes it; {@code side} says which file it is written in. */
    private record Expected(String id, Level level, String operation, String location, String side) {

        static Expected of(Finding f, Path oldFile, Path newFile) {
            String file = f.source().file();
            String side = file.equals(oldFile.toString()) ? "old" : file.equals(newFile.toString()) ? "new" : file;
            if (f.inOld() != side.equals("old")) {
                side += " (inOld " + f.inOld() + ")";
            }
            return new Expected(f.id(), f.level(), f.operation(), f.location(), side);
        }

        @Override
        public String toString() {
            return id + " [" + level.id() + "] " + (operation.isEmpty() ? "(whole API)" : operation) + " at " + side
                    + "#" + location;
        }
    }
}

package org.breakwater.apidiff.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.spec.Json;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.ScalarNode;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves every schema rule (each {@link SchemaChange} in each {@link Scope} it applies to)
 * with an old/new pair from {@code src/test/resources/rules/schema/<suffix>.yaml}. Each
 * fixture writes its expected level per scope by hand, so a wrong level in the catalogue
 * fails here. The two schemas are placed, in turn, as a query parameter, a request body, a
 * 200 response body and a response header of {@code POST /items}, and as the request body
 * and the 200 response body of an OpenAPI 3.1 webhook {@code items}, and the comparison must
 * report exactly one finding: the rule, its level, the operation and a pointer to the
 * changed schema.
 *
 * <p>A fixture holds {@code change}, {@code old}, {@code new} and {@code expect} (scope id →
 * level), and may add {@code openapi} (the version written, 3.0.3 by default),
 * {@code components} (schemas the two sides may reference) and {@code expectLocation} (the
 * pointer of the finding below the placed schema, such as {@code /properties/tag}).
 */
class SchemaRuleFixturesTest {
    private static final String FIXTURES = "/rules/schema";
    private static final String OPERATION = "POST /items";
    private static final String OPERATION_POINTER = "/paths/~1items/post";
    private static final String WEBHOOK = "webhook POST items";
    private static final String WEBHOOK_POINTER = "/webhooks/items/post";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> each_fixture_produces_exactly_its_finding_in_every_scope_it_names() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture f : fixtures()) {
            for (Map.Entry<Scope, Level> e : f.expect().entrySet()) {
                Scope scope = e.getKey();
                Level level = e.getValue();
                tests.add(DynamicTest.dynamicTest(scope.prefix() + " / " + f.change().suffix(),
                        f.file().toUri(), () -> check(f, scope, level)));
            }
        }
        return tests.stream();
    }

    @Test
    void every_schema_change_has_a_fixture_for_every_scope_it_applies_to() throws Exception {
        List<Fixture> fixtures = fixtures();
        List<String> missing = new ArrayList<>();
        for (SchemaChange change : SchemaChange.all()) {
            for (Scope scope : Scope.values()) {
                if (change.appliesTo(scope) && fixtures.stream()
                        .noneMatch(f -> f.change().equals(change) && f.expect().containsKey(scope))) {
                    missing.add(scope.prefix() + "-" + change.suffix()
                            + " (add " + scope.prefix() + " to " + change.suffix() + ".yaml)");
                }
            }
        }
        assertThat(missing).as("schema rules without a fixture").isEmpty();
    }

    @Test
    void fixtures_name_only_known_changes_and_scopes_the_change_applies_to() throws Exception {
        for (Fixture f : fixtures()) {
            assertThat(f.file().getFileName().toString()).isEqualTo(f.change().suffix() + ".yaml");
            for (Scope scope : f.expect().keySet()) {
                assertThat(f.change().appliesTo(scope))
                        .as("%s expects %s, which the change does not apply to", f.file().getFileName(), scope.prefix())
                        .isTrue();
            }
        }
    }

    private void check(Fixture f, Scope scope, Level level) throws IOException, SpecException {
        Path oldFile = dir.resolve(scope.prefix() + "-old.json");
        Path newFile = dir.resolve(scope.prefix() + "-new.json");
        Files.writeString(oldFile, document(f, scope, f.oldSchema()), StandardCharsets.UTF_8);
        Files.writeString(newFile, document(f, scope, f.newSchema()), StandardCharsets.UTF_8);

        Report report = new ApiDiff(DiffOptions.defaults()).compare(oldFile, newFile);

        List<Finding> findings = report.findings();
        assertThat(findings).as("findings for %s / %s:%n%s", scope.prefix(), f.change().suffix(), describe(findings))
                .hasSize(1);
        Finding finding = findings.get(0);
        boolean removal = f.change().equals(SchemaChange.REMOVED);
        assertThat(finding.id()).isEqualTo(scope.prefix() + "-" + f.change().suffix());
        assertThat(finding.level()).as("level of %s", finding.id()).isEqualTo(level);
        assertThat(finding.operation()).isEqualTo(operation(scope));
        assertThat(finding.inOld()).as("reported in the old document").isEqualTo(removal);
        assertThat(finding.source().file()).isEqualTo((removal ? oldFile : newFile).toString());
        assertThat(finding.location()).isEqualTo(schemaPointer(scope) + f.location());
        assertThat(finding.source().line()).as("line of the finding").isPositive();
    }

    /** A complete OpenAPI document with one operation, {@code schema} placed where {@code scope} reads it. */
    private static String document(Fixture f, Scope scope, Node schema) {
        String s = Json.write(schema);
        String ok = "{\"description\":\"ok\"}";
        String operation;
        switch (scope) {
            case REQUEST_PARAMETER -> operation = "\"parameters\":[{\"name\":\"value\",\"in\":\"query\",\"schema\":" + s + "}],"
                    + "\"responses\":{\"200\":" + ok + "}";
            case REQUEST_PROPERTY -> operation = "\"requestBody\":{\"content\":{\"application/json\":{\"schema\":" + s + "}}},"
                    + "\"responses\":{\"200\":" + ok + "}";
            case RESPONSE_PROPERTY -> operation = "\"responses\":{\"200\":{\"description\":\"ok\","
                    + "\"content\":{\"application/json\":{\"schema\":" + s + "}}}}";
            case RESPONSE_HEADER -> operation = "\"responses\":{\"200\":{\"description\":\"ok\","
                    + "\"headers\":{\"X-Value\":{\"schema\":" + s + "}}}}";
            case WEBHOOK_REQUEST_PROPERTY, WEBHOOK_RESPONSE_PROPERTY -> {
                return webhookDocument(f, scope, s);
            }
            default -> throw new IllegalArgumentException(scope.prefix());
        }
        return "{\"openapi\":" + Json.quote(f.openapi()) + ",\"info\":{\"title\":\"fixture\",\"version\":\"1\"},"
                + "\"paths\":{\"/items\":{\"post\":{" + operation + "}}},"
                + "\"components\":{\"schemas\":" + f.components().map(Json::write).orElse("{}") + "}}\n";
    }

    /**
     * An OpenAPI 3.1 document whose webhook {@code items} carries {@code schema} as its request
     * body or as the body of its 200 response.
     */
    private static String webhookDocument(Fixture f, Scope scope, String s) {
        String body = "{\"content\":{\"application/json\":{\"schema\":" + s + "}}}";
        String operation = scope == Scope.WEBHOOK_REQUEST_PROPERTY
                ? "\"requestBody\":" + body + ",\"responses\":{\"200\":{\"description\":\"ok\"}}"
                : "\"responses\":{\"200\":{\"description\":\"ok\"," + body.substring(1) + "}";
        return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"fixture\",\"version\":\"1\"},"
                + "\"webhooks\":{\"items\":{\"post\":{" + operation + "}}},"
                + "\"components\":{\"schemas\":" + f.components().map(Json::write).orElse("{}") + "}}\n";
    }

    private static String schemaPointer(Scope scope) {
        return switch (scope) {
            case REQUEST_PARAMETER -> OPERATION_POINTER + "/parameters/0/schema";
            case REQUEST_PROPERTY -> OPERATION_POINTER + "/requestBody/content/application~1json/schema";
            case RESPONSE_PROPERTY -> OPERATION_POINTER + "/responses/200/content/application~1json/schema";
            case RESPONSE_HEADER -> OPERATION_POINTER + "/responses/200/headers/X-Value/schema";
            case WEBHOOK_REQUEST_PROPERTY -> WEBHOOK_POINTER + "/requestBody/content/application~1json/schema";
            case WEBHOOK_RESPONSE_PROPERTY -> WEBHOOK_POINTER + "/responses/200/content/application~1json/schema";
        };
    }

    private static String operation(Scope scope) {
        return scope == Scope.WEBHOOK_REQUEST_PROPERTY || scope == Scope.WEBHOOK_RESPONSE_PROPERTY ? WEBHOOK : OPERATION;
    }

    private static String describe(List<Finding> findings) {
        return findings.stream()
                .map(x -> "  " + x.id() + " [" + x.level().id() + "] " + x.location() + (x.inOld() ? " (old)" : "")
                        + ": " + x.message())
                .collect(Collectors.joining("\n"));
    }

    private static List<Fixture> fixtures() throws IOException, URISyntaxException, SpecException {
        URL url = SchemaRuleFixturesTest.class.getResource(FIXTURES);
        assertThat(url).as("fixture folder %s on the test class path", FIXTURES).isNotNull();
        TreeReader reader = new TreeReader(ReadLimits.defaults());
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(Fixture.read(file, reader.read(file, file.getFileName().toString())));
            }
        }
        return out;
    }

    /** One fixture file, read. */
    private record Fixture(Path file, SchemaChange change, String openapi, Optional<Node> components,
                           Node oldSchema, Node newSchema, Map<Scope, Level> expect, String location) {

        static Fixture read(Path file, Node root) {
            String name = file.getFileName().toString();
            if (!(root instanceof ObjectNode o)) {
                throw new IllegalArgumentException(name + ": a fixture is a mapping");
            }
            String suffix = o.text("change").orElseThrow(() -> new IllegalArgumentException(name + ": no 'change'"));
            SchemaChange change = SchemaChange.all().stream().filter(c -> c.suffix().equals(suffix)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + ": unknown change " + suffix
                            + "; known: " + SchemaChange.all().stream().map(SchemaChange::suffix)
                            .collect(Collectors.toCollection(TreeSet::new))));
            Map<Scope, Level> expect = new EnumMap<>(Scope.class);
            ObjectNode levels = o.object("expect").orElseThrow(() -> new IllegalArgumentException(name + ": no 'expect'"));
            for (Map.Entry<String, Node> e : levels.fields().entrySet()) {
                Scope scope = Stream.of(Scope.values()).filter(s -> s.prefix().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(name + ": unknown scope " + e.getKey()));
                String text = e.getValue() instanceof ScalarNode s ? s.text() : "";
                expect.put(scope, Level.parse(text)
                        .orElseThrow(() -> new IllegalArgumentException(name + ": unknown level " + text)));
            }
            Node oldSchema = o.get("old").orElseThrow(() -> new IllegalArgumentException(name + ": no 'old'"));
            Node newSchema = o.get("new").orElseThrow(() -> new IllegalArgumentException(name + ": no 'new'"));
            return new Fixture(file, change, o.text("openapi").orElse("3.0.3"), o.get("components"),
                    oldSchema, newSchema, expect, o.text("expectLocation").orElse(""));
        }
    }
}

package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How schemas written in different versions' idioms are compared: 3.1 type arrays against
 * 3.0 {@code nullable}, {@code const}, both spellings of exclusive bounds, recursive
 * schemas and composition. The one-rule-per-fixture proofs are in
 * {@code org.breakwater.apidiff.rule.SchemaRuleFixturesTest}.
 */
class SchemaComparisonTest {
    private static final String V30 = "3.0.3";
    private static final String V31 = "3.1.0";
    private static final String RESPONSE = "/paths/~1items/post/responses/200/content/application~1json/schema";
    private static final String REQUEST = "/paths/~1items/post/requestBody/content/application~1json/schema";

    private final SpecReader reader = new SpecReader(ReadLimits.defaults());
    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @Test
    void an_empty_pattern_counts_as_no_pattern_in_both_directions() throws Exception {
        assertThat(compare(requestBody(V30, "{type: string}"), requestBody(V30, "{type: string, pattern: ''}"))).isEmpty();
        assertThat(compare(requestBody(V30, "{type: string, pattern: ''}"), requestBody(V30, "{type: string}"))).isEmpty();
        assertThat(compare(responseBody(V31, "{type: string, pattern: ''}"), responseBody(V31, "{type: string}"))).isEmpty();
    }

    @Test
    void an_empty_pattern_becoming_a_real_one_is_a_pattern_added() throws Exception {
        assertThat(compare(requestBody(V30, "{type: string, pattern: ''}"), requestBody(V30, "{type: string, pattern: '^[a-z]+$'}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-pattern-added", Level.BREAKING));
    }

    @Test
    void a_path_parameter_pattern_moved_to_another_anchored_literal_prefix_is_breaking() throws Exception {
        List<Finding> findings = compare(pathParameter("'^BU[0-9a-f]{32}$'"), pathParameter("'^RN[0-9a-f]{32}$'"));

        assertThat(findings).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-parameter-pattern-replaced", Level.BREAKING));
    }

    @Test
    void a_request_property_pattern_moved_to_another_anchored_literal_prefix_is_breaking() throws Exception {
        assertThat(compare(requestBody(V30, "{type: string, pattern: '^BU-[0-9]+$'}"), requestBody(V30, "{type: string, pattern: '^RN-[0-9]+$'}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-pattern-replaced", Level.BREAKING));
    }

    @Test
    void a_pattern_change_that_some_value_may_survive_stays_undecided() throws Exception {
        String[][] undecided = {
            {"^BU[0-9]+$", "^BUX[0-9]+$"}, // one prefix starts the other
            {"BU[0-9]+$", "^RN[0-9]+$"}, // not anchored
            {"^BU[0-9]+$|^RN", "^RN[0-9]+$"}, // an alternative escapes the anchor
            {"^BU?X$", "^BX$"}, // U may be absent: BX matches both
            {"^B*X$", "^X$"}, // B may be absent: X matches both
            {"^[A-Z]+$", "^RN$"}, // no literal prefix
            {"^\\d+$", "^RN$"}, // an escape is no literal here
        };
        for (String[] pair : undecided) {
            assertThat(compare(requestBody(V30, "{type: string, pattern: '" + pair[0] + "'}"),
                    requestBody(V30, "{type: string, pattern: '" + pair[1] + "'}")))
                    .as("%s → %s", pair[0], pair[1])
                    .extracting(Finding::id, Finding::level)
                    .containsExactly(tuple("request-property-pattern-changed", Level.WARNING));
        }
    }

    @Test
    void a_minimum_count_of_zero_written_out_restricts_nothing() throws Exception {
        assertThat(compare(requestBody(V30, "{type: string}"), requestBody(V30, "{type: string, minLength: 0}"))).isEmpty();
        assertThat(compare(requestBody(V30, "{type: array, items: {type: string}}"),
                requestBody(V30, "{type: array, items: {type: string}, minItems: 0}"))).isEmpty();
        assertThat(compare(requestBody(V31, "{type: object, minProperties: 0}"), requestBody(V31, "{type: object}"))).isEmpty();
        assertThat(compare(requestBody(V30, "{type: string, minLength: 0}"), requestBody(V30, "{type: string, minLength: 1}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-min-length-added", Level.BREAKING));
    }

    @Test
    void additional_properties_going_from_absent_to_a_typed_schema_in_a_request_is_breaking() throws Exception {
        List<Finding> findings = compare(requestBody(V30, "{type: object, properties: {name: {type: string}}}"),
                requestBody(V30, "{type: object, properties: {name: {type: string}}, additionalProperties: {type: string}}"));

        assertThat(findings).extracting(Finding::id, Finding::level, Finding::location)
                .containsExactly(tuple("request-property-type-narrowed", Level.BREAKING, REQUEST + "/additionalProperties"));
    }

    @Test
    void additional_properties_going_from_a_typed_schema_to_absent_is_breaking_only_in_a_response() throws Exception {
        String typed = "{type: object, additionalProperties: {type: string}}";
        assertThat(compare(requestBody(V30, typed), requestBody(V30, "{type: object}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-type-widened", Level.INFO));
        assertThat(compare(responseBody(V30, typed), responseBody(V30, "{type: object}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-type-widened", Level.BREAKING));
    }

    @Test
    void additional_properties_going_from_absent_to_an_empty_schema_or_true_reports_nothing() throws Exception {
        assertThat(compare(requestBody(V30, "{type: object}"), requestBody(V30, "{type: object, additionalProperties: {}}"))).isEmpty();
        assertThat(compare(requestBody(V30, "{type: object}"), requestBody(V30, "{type: object, additionalProperties: true}"))).isEmpty();
    }

    @Test
    void a_31_type_array_losing_null_in_a_request_is_breaking() throws Exception {
        List<Finding> findings = compare(requestBody(V31, "{type: [string, 'null']}"), requestBody(V31, "{type: string}"));

        assertThat(findings).extracting(Finding::id, Finding::level, Finding::location)
                .containsExactly(tuple("request-property-became-not-nullable", Level.BREAKING, REQUEST));
    }

    @Test
    void a_31_type_array_gaining_null_in_a_response_is_breaking() throws Exception {
        List<Finding> findings = compare(responseBody(V31, "{type: string}"), responseBody(V31, "{type: [string, 'null']}"));

        assertThat(findings).extracting(Finding::id, Finding::level, Finding::location)
                .containsExactly(tuple("response-property-became-nullable", Level.BREAKING, RESPONSE));
    }

    @Test
    void a_31_type_array_gaining_null_in_a_request_and_losing_it_in_a_response_is_harmless() throws Exception {
        assertThat(compare(requestBody(V31, "{type: string}"), requestBody(V31, "{type: [string, 'null']}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-became-nullable", Level.INFO));
        assertThat(compare(responseBody(V31, "{type: [string, 'null']}"), responseBody(V31, "{type: string}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-became-not-nullable", Level.INFO));
    }

    @Test
    void a_30_nullable_flag_equals_a_31_type_array_with_null() throws Exception {
        assertThat(compare(responseBody(V30, "{type: string, nullable: true}"), responseBody(V31, "{type: [string, 'null']}")))
                .isEmpty();
        assertThat(compare(responseBody(V30, "{type: string}"), responseBody(V30, "{type: string, nullable: true}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-became-nullable", Level.BREAKING));
    }

    @Test
    void a_31_type_array_adding_a_type_widens_it() throws Exception {
        assertThat(compare(responseBody(V31, "{type: string}"), responseBody(V31, "{type: [string, integer]}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-type-widened", Level.BREAKING));
    }

    @Test
    void const_is_a_one_value_enum() throws Exception {
        assertThat(compare(requestBody(V31, "{type: string, const: open}"), requestBody(V30, "{type: string, enum: [open]}")))
                .isEmpty();
        assertThat(compare(requestBody(V31, "{type: string, const: open}"), requestBody(V31, "{type: string, enum: [open, closed]}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-enum-value-added", Level.INFO));
        assertThat(compare(responseBody(V31, "{type: string, const: open}"), responseBody(V31, "{type: string, const: shut}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-enum-values-replaced", Level.BREAKING));
    }

    @Test
    void a_31_numeric_exclusive_minimum_equals_the_30_boolean_spelling() throws Exception {
        assertThat(compare(requestBody(V30, "{type: integer, minimum: 0, exclusiveMinimum: true}"),
                requestBody(V31, "{type: integer, exclusiveMinimum: 0}")))
                .isEmpty();
    }

    @Test
    void making_a_minimum_exclusive_raises_it_in_either_version() throws Exception {
        assertThat(compare(requestBody(V30, "{type: integer, minimum: 0}"),
                requestBody(V30, "{type: integer, minimum: 0, exclusiveMinimum: true}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-min-increased", Level.BREAKING));
        assertThat(compare(requestBody(V31, "{type: integer, minimum: 0}"), requestBody(V31, "{type: integer, exclusiveMinimum: 0}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-min-increased", Level.BREAKING));
        assertThat(compare(responseBody(V31, "{type: integer, exclusiveMaximum: 10}"), responseBody(V31, "{type: integer, maximum: 10}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-max-increased", Level.WARNING));
    }

    @Test
    void a_31_exclusive_bound_looser_than_the_inclusive_one_beside_it_changes_nothing() throws Exception {
        assertThat(compare(requestBody(V31, "{type: integer, maximum: 10}"),
                requestBody(V31, "{type: integer, maximum: 10, exclusiveMaximum: 100}")))
                .isEmpty();
        assertThat(compare(requestBody(V31, "{type: integer, minimum: 10}"),
                requestBody(V31, "{type: integer, minimum: 10, exclusiveMinimum: 1}")))
                .isEmpty();
    }

    @Test
    void a_property_removed_from_a_recursive_schema_is_reported_once_without_overflowing() throws Exception {
        String tree = "  schemas:\n"
                + "    Tree:\n"
                + "      type: object\n"
                + "      properties:\n"
                + "        name: {type: string}\n"
                + "%s"
                + "        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}\n"
                + "        parent: {$ref: '#/components/schemas/Tree'}\n";
        String before = responseBody(V30, "{$ref: '#/components/schemas/Tree'}")
                + "components:\n" + String.format(tree, "        label: {type: string}\n");
        String after = responseBody(V30, "{$ref: '#/components/schemas/Tree'}")
                + "components:\n" + String.format(tree, "");

        List<Finding> findings = compare(before, after);

        assertThat(findings).extracting(Finding::id, Finding::level, Finding::location, Finding::inOld)
                .containsExactly(tuple("response-property-removed", Level.BREAKING,
                        "/components/schemas/Tree/properties/label", true));
        assertThat(findings.get(0).message()).contains("`label`");
    }

    @Test
    void a_change_inside_mutually_recursive_schemas_is_reported_for_every_operation_that_reaches_it() throws Exception {
        String doc = "openapi: 3.0.3\n"
                + "info: {title: t, version: '1'}\n"
                + "paths:\n"
                + "  /a:\n"
                + "    get:\n"
                + "      responses:\n"
                + "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}\n"
                + "  /b:\n"
                + "    get:\n"
                + "      responses:\n"
                + "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}\n"
                + "components:\n"
                + "  schemas:\n"
                + "    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}, x: {type: %s}}}\n"
                + "    B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}\n";

        List<Finding> findings = compare(String.format(doc, "string"), String.format(doc, "integer"));

        assertThat(findings).extracting(Finding::id, Finding::operation, Finding::location)
                .containsExactlyInAnyOrder(
                        tuple("response-property-type-changed", "GET /a", "/components/schemas/A/properties/x"),
                        tuple("response-property-type-changed", "GET /b", "/components/schemas/A/properties/x"));
        assertThat(findings).filteredOn(f -> f.operation().equals("GET /b")).extracting(Finding::message)
                .singleElement().asString().contains("`a.x`");
    }

    @Test
    void one_of_members_matched_by_reference_may_be_reordered() throws Exception {
        String components = "components:\n  schemas:\n"
                + "    Card: {type: object, properties: {number: {type: string}}, required: [number]}\n"
                + "    Bank: {type: object, properties: {iban: {type: string}}, required: [iban]}\n";
        String before = requestBody(V30, "{oneOf: [{$ref: '#/components/schemas/Card'}, {$ref: '#/components/schemas/Bank'}]}")
                + components;
        String after = requestBody(V30, "{oneOf: [{$ref: '#/components/schemas/Bank'}, {$ref: '#/components/schemas/Card'}]}")
                + components;

        assertThat(compare(before, after)).isEmpty();
    }

    @Test
    void an_all_of_member_added_to_a_request_is_a_warning() throws Exception {
        String components = "components:\n  schemas:\n"
                + "    Named: {type: object, properties: {name: {type: string}}}\n"
                + "    Tagged: {type: object, properties: {tag: {type: string}}, required: [tag]}\n";
        String before = requestBody(V30, "{allOf: [{$ref: '#/components/schemas/Named'}]}") + components;
        String after = requestBody(V30, "{allOf: [{$ref: '#/components/schemas/Named'}, {$ref: '#/components/schemas/Tagged'}]}")
                + components;

        List<Finding> findings = compare(before, after);

        assertThat(findings).extracting(Finding::id, Finding::level, Finding::location)
                .containsExactly(tuple("request-property-all-of-member-added", Level.WARNING, REQUEST));
        assertThat(findings.get(0).message()).contains("Tagged");
    }

    @Test
    void a_member_of_a_query_parameter_object_is_reported_as_a_request_property() throws Exception {
        String before = queryParameter("{type: object, properties: {from: {type: string}, to: {type: string}}}");
        String after = queryParameter("{type: object, properties: {from: {type: string}}}");

        assertThat(compare(before, after)).extracting(Finding::id, Finding::level, Finding::location)
                .containsExactly(tuple("request-property-removed", Level.BREAKING,
                        "/paths/~1items/post/parameters/0/schema/properties/to"));
    }

    @Test
    void requiring_a_read_only_member_does_not_concern_requests() throws Exception {
        String before = requestBody(V30, "{type: object, properties: {id: {type: string, readOnly: true}}}");
        String after = requestBody(V30, "{type: object, properties: {id: {type: string, readOnly: true}}, required: [id]}");

        assertThat(compare(before, after)).isEmpty();
    }

    @Test
    void a_required_member_that_stops_being_read_only_must_now_be_sent() throws Exception {
        String before = requestBody(V30, "{type: object, properties: {id: {type: string, readOnly: true}}, required: [id]}");
        String after = requestBody(V30, "{type: object, properties: {id: {type: string}}, required: [id]}");

        assertThat(compare(before, after)).extracting(Finding::id, Finding::level)
                .containsExactlyInAnyOrder(tuple("request-property-became-required", Level.BREAKING),
                        tuple("request-property-read-only-removed", Level.INFO));
    }

    @Test
    void making_a_write_only_member_optional_does_not_concern_responses() throws Exception {
        String before = responseBody(V30, "{type: object, properties: {pin: {type: string, writeOnly: true}}, required: [pin]}");
        String after = responseBody(V30, "{type: object, properties: {pin: {type: string, writeOnly: true}}}");

        assertThat(compare(before, after)).isEmpty();
    }

    @Test
    void a_large_real_description_compared_with_itself_has_no_findings() throws Exception {
        Path twilio = Path.of("../shared/corpus/twilio/api_v2010.2.6.7.json");
        Assumptions.assumeTrue(Files.exists(twilio), "shared corpus absent: skipped");

        assertThat(diff.compare(twilio, twilio).findings()).isEmpty();
    }

    private List<Finding> compare(String before, String after) throws SpecException {
        ApiSpec o = reader.parse(before, "old.yaml");
        ApiSpec n = reader.parse(after, "new.yaml");
        return diff.compare(o, n).findings();
    }

    private static String requestBody(String version, String schema) {
        return head(version) + "      requestBody: {content: {application/json: {schema: " + schema + "}}}\n"
                + "      responses: {'200': {description: ok}}\n";
    }

    private static String responseBody(String version, String schema) {
        return head(version) + "      responses: {'200': {description: ok, content: {application/json: {schema: "
                + schema + "}}}}\n";
    }

    private static String pathParameter(String pattern) {
        return "openapi: " + V30 + "\n"
                + "info: {title: t, version: '1'}\n"
                + "paths:\n"
                + "  /items/{id}:\n"
                + "    get:\n"
                + "      parameters: [{name: id, in: path, required: true, schema: {type: string, pattern: " + pattern + "}}]\n"
                + "      responses: {'200': {description: ok}}\n";
    }

    private static String queryParameter(String schema) {
        return head(V30) + "      parameters: [{name: range, in: query, schema: " + schema + "}]\n"
                + "      responses: {'200': {description: ok}}\n";
    }

    private static String head(String version) {
        return Descriptions.head(version);
    }
}

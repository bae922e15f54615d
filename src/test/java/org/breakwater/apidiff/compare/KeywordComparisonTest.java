package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Report;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema 2020-12 keywords of OpenAPI 3.1, and {@code not}: what changes inside the
 * subschemas they hold is judged by the ordinary rules (at a path naming the keyword), inside
 * {@code not} the other way round, and the comparison's step budget and findings cap hold
 * through the new recursion. One fixture per rule is in {@code SchemaRuleFixturesTest}.
 */
class KeywordComparisonTest {
    private static final String V30 = "3.0.3";
    private static final String V31 = "3.1.0";

    private final SpecReader reader = new SpecReader(ReadLimits.defaults());
    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @Test
    void a_value_removed_from_the_enum_under_contains_breaks_a_request_at_a_path_naming_contains() throws Exception {
        List<Finding> f = compare(request("{type: array, contains: {type: string, enum: [a, b]}}"),
                request("{type: array, contains: {type: string, enum: [a]}}"));

        assertThat(f).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-enum-value-removed", Level.BREAKING));
        assertThat(f.get(0).message()).contains("`<contains>`");
    }

    @Test
    void a_prefix_item_kept_in_place_is_compared_at_its_position() throws Exception {
        List<Finding> f = compare(request("{type: array, prefixItems: [{type: string}, {type: integer, maximum: 10}]}"),
                request("{type: array, prefixItems: [{type: string}, {type: integer, maximum: 5}]}"));

        assertThat(f).extracting(Finding::id, Finding::level).containsExactly(tuple("request-property-max-decreased", Level.BREAKING));
        assertThat(f.get(0).message()).contains("`[1]`");
    }

    @Test
    void a_position_past_a_tuple_is_compared_with_the_items_schema_that_covered_it() throws Exception {
        assertThat(compare(request("{type: array, items: {type: string}}"),
                request("{type: array, prefixItems: [{type: string}], items: {type: string}}"))).isEmpty();
        assertThat(compare(request("{type: array, items: {type: string}}"),
                request("{type: array, prefixItems: [{type: integer}], items: {type: string}}")))
                .extracting(Finding::id).containsExactly("request-property-type-changed");
    }

    @Test
    void changes_inside_a_dependent_schema_are_judged_on_the_same_object() throws Exception {
        String before = "{type: object, dependentSchemas: {card: {properties: {cvc: {type: string}}}}}";
        String after = "{type: object, dependentSchemas: {card: {properties: {cvc: {type: string, maxLength: 4}}}}}";

        List<Finding> f = compare(request(before), request(after));

        assertThat(f).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-max-length-added", Level.BREAKING));
        assertThat(f.get(0).message()).contains("`<dependentSchemas card>.cvc`");
        assertThat(compare(response(before), response(after))).extracting(Finding::level).containsExactly(Level.INFO);
    }

    @Test
    void then_and_else_branches_are_compared_like_the_schema_they_extend() throws Exception {
        String before = "{type: object, if: {properties: {kind: {const: a}}}, then: {properties: {a: {type: string}}},"
                + " else: {required: [b]}}";
        String after = "{type: object, if: {properties: {kind: {const: a}}}, then: {properties: {a: {type: integer}}},"
                + " else: {required: [b]}}";

        assertThat(compare(request(before), request(after))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-type-changed", Level.BREAKING));
    }

    @Test
    void a_member_required_by_a_branch_without_being_described_there_is_compared() throws Exception {
        String before = "{type: object, properties: {kind: {type: string}}, if: {properties: {kind: {const: card}}},"
                + " then: {required: [number]}}";
        String after = before.replace("required: [number]", "required: [number, billing]");

        List<Finding> f = compare(request(before), request(after));

        assertThat(f).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-became-required", Level.BREAKING));
        assertThat(f.get(0).message()).contains("`<then>.billing`");
        assertThat(compare(response(after), response(before))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-became-optional", Level.BREAKING));
    }

    @Test
    void more_members_required_under_not_refuse_fewer_objects() throws Exception {
        assertThat(compare(request("{type: object, not: {required: [legacy]}}"),
                request("{type: object, not: {required: [legacy, old]}}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-not-excludes-less", Level.INFO));
    }

    @Test
    void a_changed_condition_is_a_warning_either_way_and_its_branches_are_still_compared() throws Exception {
        String before = "{type: object, if: {properties: {kind: {const: a}}}, then: {required: [a]}}";
        String after = "{type: object, if: {properties: {kind: {const: b}}}, then: {required: [a]}, else: {required: [b]}}";

        assertThat(compare(response(before), response(after))).extracting(Finding::id, Finding::level).containsExactlyInAnyOrder(
                tuple("response-property-condition-changed", Level.WARNING),
                tuple("response-property-conditional-branch-added", Level.INFO));
    }

    @Test
    void pattern_properties_property_names_and_unevaluated_schemas_are_compared_inside() throws Exception {
        assertThat(compare(request("{type: object, patternProperties: {'^x-': {type: string}}}"),
                request("{type: object, patternProperties: {'^x-': {type: string, maxLength: 5}}}")))
                .extracting(Finding::id, Finding::message)
                .containsExactly(tuple("request-property-max-length-added",
                        "request body (application/json) `<patternProperties ^x->`: maxLength 5 added"));
        assertThat(compare(request("{type: object, propertyNames: {maxLength: 10}}"),
                request("{type: object, propertyNames: {maxLength: 5}}")))
                .extracting(Finding::id).containsExactly("request-property-max-length-decreased");
        assertThat(compare(response("{type: object, unevaluatedProperties: {type: string}}"),
                response("{type: object, unevaluatedProperties: {type: string, enum: [a]}}")))
                .extracting(Finding::id, Finding::level).containsExactly(tuple("response-property-enum-added", Level.INFO));
    }

    @Test
    void the_decoded_content_schema_is_compared_inside() throws Exception {
        String before = "{type: string, contentMediaType: application/json, contentSchema: {type: object, properties: {a: {type: string}}}}";
        String after = "{type: string, contentMediaType: application/json, contentSchema: {type: object, properties: {a: {type: string}}, required: [a]}}";

        assertThat(compare(request(before), request(after))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-became-required", Level.BREAKING));
    }

    @Test
    void inside_not_the_direction_turns_round() throws Exception {
        String narrow = "{type: string, not: {enum: [root]}}";
        String wide = "{type: string, not: {enum: [root, admin]}}";

        assertThat(compare(request(narrow), request(wide))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-not-excludes-more", Level.BREAKING));
        assertThat(compare(response(narrow), response(wide))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-not-excludes-more", Level.INFO));
        assertThat(compare(request(wide), request(narrow))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-not-excludes-less", Level.INFO));
        assertThat(compare(response(wide), response(narrow))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-not-excludes-less", Level.WARNING));
    }

    @Test
    void a_not_inside_a_not_turns_the_direction_round_twice() throws Exception {
        // not not {enum: [a, b]} accepts a and b; dropping b narrows what a request may carry
        List<Finding> f = compare(request("{not: {not: {enum: [a, b]}}}"), request("{not: {not: {enum: [a]}}}"));

        assertThat(f).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-not-excludes-more", Level.BREAKING));
        assertThat(f.get(0).message()).contains("`<not>.<not>`");
    }

    @Test
    void not_is_read_in_openapi_3_0_and_the_2020_12_keywords_only_in_3_1() throws Exception {
        assertThat(compare(body(V30, "{type: string}", true), body(V30, "{type: string, not: {enum: [root]}}", true)))
                .extracting(Finding::id).containsExactly("request-property-not-added");
        assertThat(compare(body(V30, "{type: array}", true), body(V30, "{type: array, contains: {const: a}}", true)))
                .as("contains is no OpenAPI 3.0 keyword").isEmpty();
    }

    @Test
    void a_keyword_in_an_all_of_member_compares_equal_to_the_same_keyword_written_out() throws Exception {
        String components = "components:\n  schemas:\n    Name: {type: string}\n";
        String before = body(V31, "{allOf: [{$ref: '#/components/schemas/Name'}, {not: {enum: [root]}}]}", true) + components;
        String after = body(V31, "{type: string, not: {enum: [root]}}", true) + components;

        assertThat(compare(before, after)).isEmpty();
    }

    @Test
    void identical_descriptions_using_every_keyword_report_nothing_even_with_lists_reordered() throws Exception {
        String schema = "{type: object, properties: {tags: {type: array, prefixItems: [{type: string}], items: {type: integer},"
                + " contains: {type: integer}, minContains: 2, maxContains: 4, unevaluatedItems: false}, card: {type: string},"
                + " doc: {type: string, contentEncoding: base64, contentMediaType: application/json, contentSchema: {type: object}}},"
                + " dependentRequired: {card: [%s]}, dependentSchemas: {card: {required: [cvc]}},"
                + " if: {properties: {card: {const: x}}}, then: {required: [a]}, else: {required: [b]},"
                + " patternProperties: {'^x-': {type: string}}, propertyNames: {pattern: '^[a-z-]+$'},"
                + " unevaluatedProperties: false, not: {required: [forbidden]}}";
        String one = String.format(schema, "billing, zip");
        String two = String.format(schema, "zip, billing");

        assertThat(compare(request(one), request(two))).isEmpty();
        assertThat(compare(response(one), response(two))).isEmpty();
    }

    @Test
    void a_deep_chain_of_nested_nots_compares_without_overflowing() throws Exception {
        String before = "{type: string, enum: [a, b]}";
        String after = "{type: string, enum: [a]}";
        for (int i = 0; i < 120; i++) {
            before = "{not: " + before + "}";
            after = "{not: " + after + "}";
        }

        // an even number of nots: the enum narrowed, which breaks a request
        assertThat(compare(request(before), request(after))).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-not-excludes-more", Level.BREAKING));
    }

    @Test
    void the_step_budget_stops_a_comparison_that_recurses_through_the_new_keywords() throws Exception {
        String fan = IntStream.range(0, 40).mapToObj(i -> "'^p" + i + "': {not: {contains: {type: string}}}")
                .collect(Collectors.joining(", "));
        ApiDiff limited = new ApiDiff(new DiffOptions(ReadLimits.defaults(), Clock.systemUTC(), new CompareLimits(50, 1000)));
        String schema = "{type: object, patternProperties: {" + fan + "}}";

        Report report = limited.compare(reader.parse(request(schema), "old.yaml"),
                reader.parse(request(schema.replace("string", "integer")), "new.yaml"));

        assertThat(report.findings()).extracting(Finding::id).contains("comparison-incomplete");
    }

    @Test
    void the_findings_cap_holds_for_changes_found_through_the_new_keywords() throws Exception {
        String before = "{type: object, patternProperties: {" + IntStream.range(0, 30)
                .mapToObj(i -> "'^p" + i + "': {type: string}").collect(Collectors.joining(", ")) + "}}";
        String after = before.replace("{type: string}", "{type: string, maxLength: 3}");
        ApiDiff capped = new ApiDiff(new DiffOptions(ReadLimits.defaults(), Clock.systemUTC(), new CompareLimits(1_000_000, 5)));

        Report report = capped.compare(reader.parse(request(before), "old.yaml"), reader.parse(request(after), "new.yaml"));

        assertThat(report.findings()).hasSize(5);
        assertThat(report.omitted().breaking()).isEqualTo(25);
    }

    private List<Finding> compare(String before, String after) throws SpecException {
        ApiSpec o = reader.parse(before, "old.yaml");
        ApiSpec n = reader.parse(after, "new.yaml");
        return diff.compare(o, n).findings();
    }

    private static String request(String schema) {
        return body(V31, schema, true);
    }

    private static String response(String schema) {
        return body(V31, schema, false);
    }

    private static String body(String version, String schema, boolean request) {
        String head = "openapi: " + version + "\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    post:\n";
        return head + (request
                ? "      requestBody: {content: {application/json: {schema: " + schema + "}}}\n"
                        + "      responses: {'200': {description: ok}}\n"
                : "      responses: {'200': {description: ok, content: {application/json: {schema: " + schema + "}}}}\n");
    }
}

package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.breakwater.apidiff.compare.Descriptions.REQUEST;
import static org.breakwater.apidiff.compare.Descriptions.RESPONSE;
import static org.breakwater.apidiff.compare.Descriptions.V30;
import static org.breakwater.apidiff.compare.Descriptions.V31;
import static org.breakwater.apidiff.compare.Descriptions.compare;
import static org.breakwater.apidiff.compare.Descriptions.requestBody;
import static org.breakwater.apidiff.compare.Descriptions.responseBody;
import static org.breakwater.apidiff.compare.Descriptions.withSchemas;

import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.junit.jupiter.api.Test;

/**
 * OpenAPI 3.1 writes "nullable X" as {@code oneOf} (or {@code anyOf}) of {@code {type: "null"}}
 * and X, in either order. It reads as X with null allowed: the same as {@code type: [X, "null"]}
 * or 3.0's {@code nullable: true}.
 */
class NullableUnionTest {
    private static final String USER = "User: {type: object, properties: {id: {type: string}, name: {type: string}}, required: [id]}";
    private static final String REF = "{$ref: '#/components/schemas/User'}";
    private static final String NULL = "{type: 'null'}";
    private static final String[] WRAPPED_REF = {
        "{oneOf: [" + NULL + ", " + REF + "]}", "{oneOf: [" + REF + ", " + NULL + "]}",
        "{anyOf: [" + NULL + ", " + REF + "]}", "{anyOf: [" + REF + ", " + NULL + "]}"};

    @Test
    void wrapping_an_optional_reference_in_a_null_union_only_makes_it_nullable() throws Exception {
        for (String wrapped : WRAPPED_REF) {
            assertThat(compare(withSchemas(responseBody(V31, owner(REF)), USER), withSchemas(responseBody(V31, owner(wrapped)), USER)))
                    .as(wrapped).extracting(Finding::id, Finding::level, Finding::location)
                    .containsExactly(tuple("response-property-became-nullable", Level.BREAKING, RESPONSE + "/properties/owner"));
            assertThat(compare(withSchemas(requestBody(V31, owner(REF)), USER), withSchemas(requestBody(V31, owner(wrapped)), USER)))
                    .as(wrapped).extracting(Finding::id, Finding::level, Finding::location)
                    .containsExactly(tuple("request-property-became-nullable", Level.INFO, REQUEST + "/properties/owner"));
        }
    }

    @Test
    void narrowing_an_enum_while_wrapping_it_in_a_null_union_is_an_enum_value_removed() throws Exception {
        String narrowed = "{oneOf: [" + NULL + ", {type: string, enum: [open, closed]}]}";
        assertThat(compare(requestBody(V31, "{type: [string, 'null'], enum: [open, closed, stale]}"), requestBody(V31, narrowed)))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-enum-value-removed", Level.BREAKING));
        assertThat(compare(requestBody(V31, "{type: string, enum: [open, closed, stale]}"), requestBody(V31, narrowed)))
                .extracting(Finding::id, Finding::level)
                .containsExactlyInAnyOrder(tuple("request-property-enum-value-removed", Level.BREAKING),
                        tuple("request-property-became-nullable", Level.INFO));
        assertThat(compare(requestBody(V31, "{anyOf: [{type: string, enum: [open, closed, stale]}, " + NULL + "]}"),
                requestBody(V31, narrowed)))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-enum-value-removed", Level.BREAKING));
    }

    /**
     * Three nullable members unwrapped: each no longer allows null, and nothing else changed.
     * The right findings are three became-not-nullable (info in a response, breaking in a
     * request). Before null unions were read as nullable X, the response gave 12: User's
     * members added (one "required"), each member's type narrowed, its null and X members
     * removed, and an enum added.
     */
    @Test
    void unwrapping_three_null_unions_gives_three_findings() throws Exception {
        String before = "{type: object, properties: {owner: {oneOf: [" + NULL + ", " + REF + "]},"
                + " status: {anyOf: [{type: string, enum: [open, closed]}, " + NULL + "]},"
                + " count: {oneOf: [{type: integer}, " + NULL + "]}}}";
        String after = "{type: object, properties: {owner: " + REF + ", status: {type: string, enum: [open, closed]},"
                + " count: {type: integer}}}";

        assertThat(compare(withSchemas(responseBody(V31, before), USER), withSchemas(responseBody(V31, after), USER)))
                .extracting(Finding::id, Finding::level, Finding::location)
                .containsExactlyInAnyOrder(
                        tuple("response-property-became-not-nullable", Level.INFO, RESPONSE + "/properties/owner"),
                        tuple("response-property-became-not-nullable", Level.INFO, RESPONSE + "/properties/status"),
                        tuple("response-property-became-not-nullable", Level.INFO, RESPONSE + "/properties/count"));
        assertThat(compare(withSchemas(requestBody(V31, before), USER), withSchemas(requestBody(V31, after), USER)))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-became-not-nullable", Level.BREAKING),
                        tuple("request-property-became-not-nullable", Level.BREAKING),
                        tuple("request-property-became-not-nullable", Level.BREAKING));
    }

    @Test
    void a_null_union_equals_a_type_array_with_null_and_a_30_nullable_flag() throws Exception {
        String[][] same = {
            {"{type: [string, 'null'], enum: [a, b, null]}", "{oneOf: [" + NULL + ", {type: string, enum: [a, b]}]}"},
            {"{type: [string, 'null'], enum: [a, b]}", "{anyOf: [{type: string, enum: [a, b]}, " + NULL + "]}"},
            {"{type: [object, 'null'], properties: {id: {type: string}, name: {type: string}}, required: [id]}",
                "{anyOf: [" + REF + ", " + NULL + "]}"},
            {"{type: [integer, 'null']}", "{oneOf: [{type: integer}, {const: null}]}"},
        };
        for (String[] pair : same) {
            assertThat(compare(withSchemas(responseBody(V31, pair[0]), USER), withSchemas(responseBody(V31, pair[1]), USER)))
                    .as("%s → %s", pair[0], pair[1]).isEmpty();
            assertThat(compare(withSchemas(requestBody(V31, pair[1]), USER), withSchemas(requestBody(V31, pair[0]), USER)))
                    .as("%s → %s", pair[1], pair[0]).isEmpty();
        }
        assertThat(compare(responseBody(V30, "{type: string, nullable: true}"), responseBody(V31, "{oneOf: [" + NULL + ", {type: string}]}")))
                .isEmpty();
    }

    @Test
    void a_recursive_schema_wrapping_itself_in_a_null_union_is_compared_once() throws Exception {
        String tree = "Node: {type: object, properties: {name: {type: string}, parent: %s, first: %s}}";
        String plain = "{$ref: '#/components/schemas/Node'}";
        String wrapped = "{oneOf: [" + NULL + ", " + plain + "]}";

        assertThat(compare(withSchemas(responseBody(V31, plain), String.format(tree, plain, plain)),
                withSchemas(responseBody(V31, plain), String.format(tree, wrapped, wrapped))))
                .extracting(Finding::id, Finding::location)
                .containsExactlyInAnyOrder(
                        tuple("response-property-became-nullable", "/components/schemas/Node/properties/parent"),
                        tuple("response-property-became-nullable", "/components/schemas/Node/properties/first"));
    }

    @Test
    void a_2020_12_keyword_inside_a_null_union_is_kept_and_compared() throws Exception {
        String plain = "{type: [object, 'null'], dependentRequired: {card: [expiry]}}";
        String wrapped = "{oneOf: [" + NULL + ", {type: object, dependentRequired: {card: [expiry]}}]}";

        assertThat(compare(requestBody(V31, plain), requestBody(V31, wrapped))).isEmpty();
        assertThat(compare(requestBody(V31, wrapped), requestBody(V31, plain))).isEmpty();
        assertThat(compare(requestBody(V31, plain), requestBody(V31, wrapped.replace("[expiry]", "[expiry, cvc]"))))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-dependent-required-added", Level.BREAKING));
    }

    private static String owner(String schema) {
        return "{type: object, properties: {owner: " + schema + "}}";
    }
}

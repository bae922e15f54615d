package org.breakwater.apidiff.rule;

import static org.breakwater.apidiff.rule.Level.BREAKING;
import static org.breakwater.apidiff.rule.Level.INFO;
import static org.breakwater.apidiff.rule.Level.WARNING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The schema changes of the JSON Schema 2020-12 keywords OpenAPI 3.1 uses, and of {@code not}:
 * judged, like every {@link SchemaChange}, once for a request and once for a response. A
 * keyword that adds a condition a value must meet breaks requests (values clients send today
 * may be refused) and is harmless in responses; one that lifts a condition is the other way
 * round. Changes inside the subschemas these keywords hold are reported by the ordinary rules,
 * at a path that names the keyword ({@code tags.<contains>}); inside {@code not} the direction
 * turns round, and each change found there is reported as one of the {@code not-*} changes.
 */
public final class KeywordChanges {
    private static final List<SchemaChange> ALL = new ArrayList<>();

    // contains, minContains, maxContains
    public static final SchemaChange CONTAINS_ADDED = add("contains-added", BREAKING, INFO,
            "an array must now hold an item matching a schema (contains): arrays without one are refused",
            "(none) → contains: {const: admin}");
    public static final SchemaChange CONTAINS_REMOVED = add("contains-removed", INFO, WARNING,
            "an array no longer has to hold an item matching a schema (contains): responses may lack the item"
                    + " clients looked for", "contains: {const: admin} → (none)");
    public static final SchemaChange MIN_CONTAINS_INCREASED = add("min-contains-increased", BREAKING, INFO,
            "more items must match contains (minContains; 1 when not written): arrays with fewer are refused",
            "minContains: 1 → 2");
    public static final SchemaChange MIN_CONTAINS_DECREASED = add("min-contains-decreased", INFO, WARNING,
            "fewer items need match contains (minContains; 0 lifts contains): responses may hold fewer",
            "minContains: 2 → 1");
    public static final SchemaChange MAX_CONTAINS_DECREASED = add("max-contains-decreased", BREAKING, INFO,
            "fewer items may match contains (maxContains lowered or added): arrays with more are refused",
            "(none) → maxContains: 3");
    public static final SchemaChange MAX_CONTAINS_INCREASED = add("max-contains-increased", INFO, WARNING,
            "more items may match contains (maxContains raised or removed): responses may hold more than before",
            "maxContains: 3 → 5");

    // prefixItems
    public static final SchemaChange PREFIX_ITEM_ADDED = add("prefix-item-added", BREAKING, INFO,
            "a position of the array that anything could fill is now limited by a schema (prefixItems):"
                    + " arrays with other values there are refused", "prefixItems: [A] → prefixItems: [A, B]");
    public static final SchemaChange PREFIX_ITEM_REMOVED = add("prefix-item-removed", INFO, WARNING,
            "a position of the array is no longer limited (prefixItems): responses may carry anything there",
            "prefixItems: [A, B] → prefixItems: [A]");

    // dependentRequired, dependentSchemas
    public static final SchemaChange DEPENDENT_REQUIRED_ADDED = add("dependent-required-added", BREAKING, INFO,
            "a member is now required whenever another is present (dependentRequired): requests with the one"
                    + " and without the other are refused", "(none) → dependentRequired: {card: [billing]}");
    public static final SchemaChange DEPENDENT_REQUIRED_REMOVED = add("dependent-required-removed", INFO, BREAKING,
            "a member is no longer required when another is present (dependentRequired): responses may lack it,"
                    + " as when a member becomes optional", "dependentRequired: {card: [billing]} → (none)");
    public static final SchemaChange DEPENDENT_SCHEMA_ADDED = add("dependent-schema-added", BREAKING, INFO,
            "a schema must now hold whenever a member is present (dependentSchemas): requests with the member"
                    + " that do not match it are refused", "(none) → dependentSchemas: {card: {required: [cvc]}}");
    public static final SchemaChange DEPENDENT_SCHEMA_REMOVED = add("dependent-schema-removed", INFO, WARNING,
            "a schema no longer has to hold when a member is present (dependentSchemas): responses may lack"
                    + " what it promised", "dependentSchemas: {card: {required: [cvc]}} → (none)");

    // if, then, else
    public static final SchemaChange CONDITIONAL_ADDED = add("conditional-added", BREAKING, INFO,
            "a condition now selects a schema that must hold (if/then/else): values that fail the branch"
                    + " are refused", "(none) → if: {properties: {kind: {const: a}}}, then: {required: [a]}");
    public static final SchemaChange CONDITIONAL_REMOVED = add("conditional-removed", INFO, WARNING,
            "the condition and its branches are gone (if/then/else): responses may lack what a branch promised",
            "if: …, then: {required: [a]} → (none)");
    public static final SchemaChange CONDITION_CHANGED = add("condition-changed", WARNING, WARNING,
            "the condition (if) that chooses between then and else changed: some values now meet the other"
                    + " branch, which is stricter in one way or another; whether that refuses a value clients send"
                    + " or read cannot be decided here", "if: {properties: {kind: {const: a}}} → {… const: b}");
    public static final SchemaChange CONDITIONAL_BRANCH_ADDED = add("conditional-branch-added", BREAKING, INFO,
            "a then or else branch was added to a condition: values taking it must now match it",
            "if: …, then: A → if: …, then: A, else: B");
    public static final SchemaChange CONDITIONAL_BRANCH_REMOVED = add("conditional-branch-removed", INFO, WARNING,
            "a then or else branch is gone: values taking it no longer have to match it",
            "if: …, then: A, else: B → if: …, then: A");

    // patternProperties, propertyNames
    public static final SchemaChange PATTERN_PROPERTY_ADDED = add("pattern-property-added", BREAKING, INFO,
            "members whose names match a pattern must now match a schema (patternProperties): requests with"
                    + " other values there are refused", "(none) → patternProperties: {^x-: {type: string}}");
    public static final SchemaChange PATTERN_PROPERTY_REMOVED = add("pattern-property-removed", INFO, WARNING,
            "members whose names match a pattern are no longer limited (patternProperties): responses may carry"
                    + " other values there", "patternProperties: {^x-: {type: string}} → (none)");
    public static final SchemaChange PROPERTY_NAMES_ADDED = add("property-names-added", BREAKING, INFO,
            "member names are now limited by a schema (propertyNames): objects with other names are refused",
            "(none) → propertyNames: {pattern: ^[a-z]+$}");
    public static final SchemaChange PROPERTY_NAMES_REMOVED = add("property-names-removed", INFO, WARNING,
            "member names are no longer limited (propertyNames): responses may carry names clients do not expect",
            "propertyNames: {pattern: ^[a-z]+$} → (none)");

    // unevaluatedItems, unevaluatedProperties
    public static final SchemaChange UNEVALUATED_PROPERTIES_FORBIDDEN = add("unevaluated-properties-forbidden",
            BREAKING, INFO, "members no subschema describes are now refused (unevaluatedProperties: false)",
            "(none) → unevaluatedProperties: false");
    public static final SchemaChange UNEVALUATED_PROPERTIES_ALLOWED = add("unevaluated-properties-allowed",
            INFO, WARNING, "members no subschema describes may now appear (unevaluatedProperties)",
            "unevaluatedProperties: false → (none)");
    public static final SchemaChange UNEVALUATED_ITEMS_FORBIDDEN = add("unevaluated-items-forbidden", BREAKING, INFO,
            "array items no subschema describes are now refused (unevaluatedItems: false)",
            "(none) → unevaluatedItems: false");
    public static final SchemaChange UNEVALUATED_ITEMS_ALLOWED = add("unevaluated-items-allowed", INFO, WARNING,
            "array items no subschema describes may now appear (unevaluatedItems)", "unevaluatedItems: false → (none)");

    // contentEncoding, contentMediaType, contentSchema
    public static final SchemaChange CONTENT_ENCODING_ADDED = add("content-encoding-added", WARNING, WARNING,
            "the string is now said to be encoded (contentEncoding): either it always was, or every byte is"
                    + " now read differently, in both directions; which cannot be decided here",
            "(none) → contentEncoding: base64");
    public static final SchemaChange CONTENT_ENCODING_REMOVED = add("content-encoding-removed", WARNING, WARNING,
            "the string is no longer said to be encoded (contentEncoding): clients that decode it may read it wrongly",
            "contentEncoding: base64 → (none)");
    public static final SchemaChange CONTENT_ENCODING_CHANGED = add("content-encoding-changed", BREAKING, BREAKING,
            "the string is encoded another way (contentEncoding): what clients send is decoded wrongly and what"
                    + " they read cannot be decoded", "contentEncoding: base64 → base32");
    public static final SchemaChange CONTENT_MEDIA_TYPE_ADDED = add("content-media-type-added", WARNING, INFO,
            "the string's content is now said to be of one media type (contentMediaType): other content clients"
                    + " send may be refused", "(none) → contentMediaType: image/png");
    public static final SchemaChange CONTENT_MEDIA_TYPE_REMOVED = add("content-media-type-removed", INFO, WARNING,
            "the string's content is no longer said to be of one media type: clients that parse it as such may fail",
            "contentMediaType: image/png → (none)");
    public static final SchemaChange CONTENT_MEDIA_TYPE_CHANGED = add("content-media-type-changed", BREAKING, BREAKING,
            "the string's content is of another media type: clients send and parse the old one",
            "contentMediaType: image/png → image/jpeg");
    public static final SchemaChange CONTENT_SCHEMA_ADDED = add("content-schema-added", WARNING, INFO,
            "the string's decoded content is now described by a schema (contentSchema): content that does not"
                    + " match may be refused", "(none) → contentSchema: {type: object}");
    public static final SchemaChange CONTENT_SCHEMA_REMOVED = add("content-schema-removed", INFO, WARNING,
            "the string's decoded content is no longer described (contentSchema): responses may carry any",
            "contentSchema: {type: object} → (none)");

    // not: what its schema matches is refused, so the direction turns round inside it
    public static final SchemaChange NOT_ADDED = add("not-added", BREAKING, INFO,
            "values matching a schema are now refused (not): requests sending them fail",
            "(none) → not: {enum: [root]}");
    public static final SchemaChange NOT_REMOVED = add("not-removed", INFO, WARNING,
            "values matching a schema are no longer refused (not): responses may carry them",
            "not: {enum: [root]} → (none)");
    public static final SchemaChange NOT_EXCLUDES_MORE = add("not-excludes-more", BREAKING, INFO,
            "the schema under not matches more, so more values are refused: a change that widens the schema"
                    + " inside not narrows what is accepted", "not: {enum: [root]} → not: {enum: [root, admin]}");
    public static final SchemaChange NOT_EXCLUDES_LESS = add("not-excludes-less", INFO, WARNING,
            "the schema under not matches less, so values refused before are accepted: responses may carry them",
            "not: {enum: [root, admin]} → not: {enum: [root]}");
    public static final SchemaChange NOT_EXCLUDES_OTHER = add("not-excludes-other", BREAKING, BREAKING,
            "the schema under not matches other values (some before refused are accepted, some accepted are"
                    + " refused)", "not: {type: string} → not: {type: integer}");
    public static final SchemaChange NOT_CHANGED = add("not-changed", WARNING, WARNING,
            "the schema under not changed in a way whose effect cannot be decided here (a pattern, say)",
            "not: {pattern: ^a} → not: {pattern: ^b|c}");

    private KeywordChanges() {
    }

    private static SchemaChange add(String suffix, Level request, Level response, String explanation, String example) {
        return SchemaChange.registered(ALL, suffix, request, response, false, explanation, example);
    }

    /** Every change of this class, in the order written. */
    static List<SchemaChange> all() {
        return Collections.unmodifiableList(ALL);
    }
}

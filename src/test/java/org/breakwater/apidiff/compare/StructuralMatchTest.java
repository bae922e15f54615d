package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
 * Schemas that differ only in name or place are compared by structure: a discriminator
 * mapping to a renamed but identical component, and a oneOf/anyOf member replaced by an
 * identical one, change nothing on the wire.
 */
class StructuralMatchTest {
    private static final String DOG = "{type: object, properties: {kind: {type: string}, bark: {type: string}}, required: [kind]}";
    private static final String CAT = "Cat: {type: object, properties: {kind: {type: string}, claws: {type: integer}}, required: [kind]}";

    @Test
    void a_discriminator_mapping_to_a_renamed_identical_schema_is_only_a_warning() throws Exception {
        String pet = "{oneOf: [{$ref: '#/components/schemas/%1$s'}, {$ref: '#/components/schemas/Cat'}],"
                + " discriminator: {propertyName: kind, mapping: {dog: '#/components/schemas/%1$s', cat: Cat}}}";
        for (String version : new String[] {V30, V31}) {
            String before = withSchemas(responseBody(version, String.format(pet, "Dog")), "Dog: " + DOG, CAT);
            String after = withSchemas(responseBody(version, String.format(pet, "MyDog")), "MyDog: " + DOG, CAT);

            assertThat(compare(before, after)).extracting(Finding::id, Finding::level)
                    .containsExactly(tuple("response-property-discriminator-mapping-target-renamed", Level.WARNING));
        }
    }

    @Test
    void a_discriminator_mapping_to_a_renamed_schema_that_also_changed_stays_breaking() throws Exception {
        String pet = "{oneOf: [{$ref: '#/components/schemas/%1$s'}],"
                + " discriminator: {propertyName: kind, mapping: {dog: '#/components/schemas/%1$s'}}}";
        String before = withSchemas(requestBody(V30, String.format(pet, "Dog")), "Dog: " + DOG);
        String after = withSchemas(requestBody(V30, String.format(pet, "MyDog")),
                "MyDog: {type: object, properties: {kind: {type: string}, bark: {type: integer}}, required: [kind]}");

        assertThat(compare(before, after)).extracting(Finding::id, Finding::level)
                .contains(tuple("request-property-discriminator-mapping-changed", Level.BREAKING));
    }

    @Test
    void an_any_of_member_replaced_by_an_identical_one_changes_nothing() throws Exception {
        String before = withSchemas(requestBody(V30, "{anyOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]}"),
                "Dog: " + DOG, CAT);
        String after = withSchemas(requestBody(V30, "{anyOf: [{$ref: '#/components/schemas/Cat'}, " + DOG + "]}"),
                "Dog: " + DOG, CAT);

        assertThat(compare(before, after)).isEmpty();
        assertThat(compare(after, before)).isEmpty();
    }

    @Test
    void members_of_one_type_reordered_or_copied_pair_by_structure_not_by_position() throws Exception {
        String a = "{type: object, properties: {iban: {type: string}}, required: [iban]}";
        String b = "{type: object, properties: {card: {type: string}}, required: [card]}";
        for (String keyword : new String[] {"anyOf", "oneOf"}) {
            assertThat(compare(responseBody(V30, "{" + keyword + ": [" + a + ", " + b + "]}"),
                    responseBody(V30, "{" + keyword + ": [" + b + ", " + a + "]}")))
                    .as(keyword).isEmpty();
        }
    }

    @Test
    void an_any_of_member_replaced_by_an_identical_one_beside_a_new_member_reports_only_the_new_one() throws Exception {
        String before = withSchemas(responseBody(V30, "{anyOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]}"),
                "Dog: " + DOG, CAT);
        String after = withSchemas(responseBody(V30, "{anyOf: [{$ref: '#/components/schemas/MyDog'}, {$ref: '#/components/schemas/Cat'},"
                + " {type: string}]}"), "MyDog: " + DOG, CAT);

        assertThat(compare(before, after)).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-any-of-member-added", Level.WARNING));
    }
}

package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.breakwater.apidiff.compare.Descriptions.V30;
import static org.breakwater.apidiff.compare.Descriptions.V31;
import static org.breakwater.apidiff.compare.Descriptions.compare;
import static org.breakwater.apidiff.compare.Descriptions.requestBody;
import static org.breakwater.apidiff.compare.Descriptions.responseBody;

import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Profile;
import org.junit.jupiter.api.Test;

/**
 * The strict-clients profile judges for generated clients with closed enums and unions: what
 * they cannot read in a response is breaking, unless the schema is marked extensible. The
 * default profile keeps its levels.
 */
class StrictClientsProfileTest {
    private static final ApiDiff STRICT = new ApiDiff(DiffOptions.defaults().withProfile(Profile.STRICT_CLIENTS));

    @Test
    void a_new_response_enum_value_is_a_warning_by_default_and_breaking_for_strict_clients() throws Exception {
        String before = responseBody(V30, "{type: string, enum: [open, closed]}");
        String after = responseBody(V30, "{type: string, enum: [open, closed, stale]}");

        assertThat(compare(before, after)).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-enum-value-added", Level.WARNING));
        assertThat(compare(STRICT, before, after)).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-enum-value-added", Level.BREAKING));
    }

    @Test
    void a_new_one_of_or_any_of_variant_in_a_response_is_breaking_for_strict_clients() throws Exception {
        for (String keyword : new String[] {"oneOf", "anyOf"}) {
            String rule = "response-property-" + (keyword.equals("oneOf") ? "one-of" : "any-of") + "-member-added";
            List<Finding> findings = compare(STRICT, responseBody(V30, "{" + keyword + ": [{type: string}]}"),
                    responseBody(V30, "{" + keyword + ": [{type: string}, {type: integer}]}"));

            assertThat(findings).extracting(Finding::id, Finding::level).containsExactly(tuple(rule, Level.BREAKING));
        }
    }

    @Test
    void a_schema_marked_extensible_keeps_the_default_level() throws Exception {
        assertThat(compare(STRICT, responseBody(V30, "{type: string, enum: [open], x-extensible-enum: true}"),
                responseBody(V30, "{type: string, enum: [open, stale], x-extensible-enum: true}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-enum-value-added", Level.WARNING));
        assertThat(compare(STRICT, responseBody(V31, "{oneOf: [{type: string}], x-extensible: true}"),
                responseBody(V31, "{oneOf: [{type: string}, {type: integer}], x-extensible: true}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-one-of-member-added", Level.WARNING));
    }

    @Test
    void strict_clients_changes_nothing_in_a_request() throws Exception {
        assertThat(compare(STRICT, requestBody(V30, "{type: string, enum: [open]}"), requestBody(V30, "{type: string, enum: [open, stale]}")))
                .extracting(Finding::id, Finding::level)
                .containsExactly(tuple("request-property-enum-value-added", Level.INFO));
    }

    @Test
    void the_catalogue_levels_per_profile_differ_only_where_strict_clients_makes_a_response_change_breaking() {
        for (var rule : org.breakwater.apidiff.rule.Rules.all()) {
            assertThat(Profile.DEFAULT.level(rule)).as(rule.id()).isEqualTo(rule.level());
            if (Profile.STRICT_CLIENTS.level(rule) != rule.level()) {
                assertThat(Profile.STRICT_CLIENTS.level(rule)).as(rule.id()).isEqualTo(Level.BREAKING);
                assertThat(rule.direction()).as(rule.id()).isEqualTo(org.breakwater.apidiff.rule.Direction.RESPONSE);
            }
        }
        assertThat(Profile.STRICT_CLIENTS.level(org.breakwater.apidiff.rule.Rules.find("response-header-one-of-member-added").orElseThrow()))
                .isEqualTo(Level.BREAKING);
    }
}

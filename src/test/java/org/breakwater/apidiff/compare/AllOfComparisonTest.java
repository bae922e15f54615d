package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecReader;
import org.junit.jupiter.api.Test;

/** A type split into allOf members in one version and written out in the other is compared by content. */
class AllOfComparisonTest {
    private static final String WRITTEN_OUT = "{type: object, required: [name, branch], properties: "
            + "{name: {type: string}, branch: {type: string, enum: [devel, f20]}, summary: {type: string}}}";
    private static final String COMPOSED = "{allOf: [{$ref: '#/components/schemas/Named'}, {type: object, required: [branch],"
            + " properties: {branch: {type: string, enum: [%s]}, summary: {type: string}}}]}";

    private final SpecReader reader = new SpecReader(ReadLimits.defaults());
    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @Test
    void moving_members_into_allof_without_changing_them_is_no_change() throws Exception {
        assertThat(compare(doc(WRITTEN_OUT), doc(String.format(COMPOSED, "devel, f20")))).isEmpty();
        assertThat(compare(doc(String.format(COMPOSED, "devel, f20")), doc(WRITTEN_OUT))).isEmpty();
    }

    @Test
    void a_real_change_inside_an_allof_member_is_still_found() throws Exception {
        List<Finding> findings = compare(doc(WRITTEN_OUT), doc(String.format(COMPOSED, "master, f20")));

        assertThat(findings).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("response-property-enum-values-replaced", Level.BREAKING));
        assertThat(findings.get(0).message()).contains("`branch`").contains("devel").contains("master");
    }

    @Test
    void a_member_dropped_from_the_composition_shows_as_removed_properties() throws Exception {
        String withoutName = "{allOf: [{type: object, required: [branch], properties: "
                + "{branch: {type: string, enum: [devel, f20]}, summary: {type: string}}}]}";

        List<Finding> findings = compare(doc(WRITTEN_OUT), doc(withoutName));

        assertThat(findings).extracting(Finding::id).containsExactly("response-property-removed");
        assertThat(findings.get(0).message()).contains("`name`");
    }

    private List<Finding> compare(String before, String after) throws Exception {
        return diff.compare(reader.parse(before, "old.yaml"), reader.parse(after, "new.yaml")).findings();
    }

    private static String doc(String schema) {
        return "openapi: 3.0.3\n"
                + "info: {title: t, version: '1'}\n"
                + "paths:\n"
                + "  /packages:\n"
                + "    get:\n"
                + "      responses: {'200': {description: ok, content: {application/json: {schema: " + schema + "}}}}\n"
                + "components:\n"
                + "  schemas:\n"
                + "    Named: {type: object, required: [name], properties: {name: {type: string}}}\n";
    }
}

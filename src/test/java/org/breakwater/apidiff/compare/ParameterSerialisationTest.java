package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.spec.SpecException;
import org.junit.jupiter.api.Test;

/**
 * Edits to a parameter's {@code style} and {@code explode} that leave the request on the wire
 * unchanged report nothing: a default written out, and serialisation settings of a plain
 * (non-array, non-object) value, also when its schema is a reference.
 */
class ParameterSerialisationTest {
    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @Test
    void writing_out_the_default_style_and_explode_of_a_query_parameter_changes_nothing() throws Exception {
        assertThat(compare(parameter("{name: tag, in: query, schema: {type: array, items: {type: string}}}"),
                parameter("{name: tag, in: query, style: form, explode: true, schema: {type: array, items: {type: string}}}")))
                .isEmpty();
        assertThat(compare(parameter("{name: page, in: query, style: form, explode: true, schema: {type: integer}}"),
                parameter("{name: page, in: query, schema: {type: integer}}")))
                .isEmpty();
    }

    @Test
    void writing_out_the_default_style_of_a_path_or_header_parameter_changes_nothing() throws Exception {
        assertThat(compare(parameter("{name: id, in: path, required: true, schema: {type: array, items: {type: integer}}}"),
                parameter("{name: id, in: path, required: true, style: simple, explode: false, schema: {type: array, items: {type: integer}}}")))
                .isEmpty();
        assertThat(compare(parameter("{name: X-Trace, in: header, schema: {type: string}}"),
                parameter("{name: X-Trace, in: header, style: simple, schema: {type: string}}")))
                .isEmpty();
    }

    @Test
    void explode_on_a_plain_path_query_or_header_value_changes_nothing() throws Exception {
        assertThat(compare(parameter("{name: id, in: path, required: true, schema: {type: string}}"),
                parameter("{name: id, in: path, required: true, explode: true, schema: {type: string}}")))
                .isEmpty();
        assertThat(compare(parameter("{name: page, in: query, schema: {type: integer}}"),
                parameter("{name: page, in: query, explode: false, schema: {type: integer}}")))
                .isEmpty();
        assertThat(compare(parameter("{name: X-Trace, in: header, schema: {type: string}}"),
                parameter("{name: X-Trace, in: header, explode: true, schema: {type: string}}")))
                .isEmpty();
    }

    @Test
    void explode_and_style_on_a_referenced_plain_value_change_nothing() throws Exception {
        assertThat(compare(parameter("{name: page, in: query, schema: {$ref: '#/components/schemas/Page'}}"),
                parameter("{name: page, in: query, style: pipeDelimited, explode: false, schema: {$ref: '#/components/schemas/Page'}}")))
                .isEmpty();
    }

    @Test
    void explode_on_a_referenced_array_still_changes_the_wire() throws Exception {
        assertThat(compare(parameter("{name: tags, in: query, schema: {$ref: '#/components/schemas/Tags'}}"),
                parameter("{name: tags, in: query, explode: false, schema: {$ref: '#/components/schemas/Tags'}}")))
                .extracting(Finding::id).containsExactly("request-parameter-explode-changed");
    }

    @Test
    void an_exclusive_bound_flag_without_its_bound_has_no_effect() throws Exception {
        assertThat(compare(parameter("{name: page, in: query, schema: {type: integer}}"),
                parameter("{name: page, in: query, schema: {type: integer, exclusiveMaximum: true, exclusiveMinimum: true}}")))
                .isEmpty();
        assertThat(compare(parameter("{name: page, in: query, schema: {type: integer, exclusiveMaximum: true, exclusiveMinimum: true}}"),
                parameter("{name: page, in: query, schema: {type: integer}}")))
                .isEmpty();
        assertThat(compare(parameter("{name: page, in: query, schema: {type: integer, exclusiveMaximum: false}}"),
                parameter("{name: page, in: query, schema: {type: integer, exclusiveMaximum: true}}")))
                .isEmpty();
    }

    private List<Finding> compare(String oldText, String newText) throws SpecException {
        return diff.compare(diff.reader().parse(oldText, "old.yaml"), diff.reader().parse(newText, "new.yaml")).findings();
    }

    /**
     * An OpenAPI 3.0 document whose one operation, {@code GET /items/{id}}, has the parameter
     * {@code p} (a flow mapping) and, unless {@code p} is the path parameter, a plain {@code id}.
     */
    private static String parameter(String p) {
        return "openapi: 3.0.3\ninfo: {title: test, version: \"1\"}\n"
                + "paths:\n  /items/{id}:\n    get:\n"
                + "      parameters: [" + (p.contains("in: path") ? "" : "{name: id, in: path, required: true, schema: {type: string}}, ")
                + p + "]\n"
                + "      responses: {\"200\": {description: ok}}\n"
                + "components:\n  schemas:\n    Page: {type: integer}\n    Tags: {type: array, items: {type: string}}\n";
    }
}

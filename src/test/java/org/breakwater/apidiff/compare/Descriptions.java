package org.breakwater.apidiff.compare;

import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.SpecReader;

/**
 * Small API descriptions for comparison tests: one schema placed as the request or the 200
 * response body of {@code POST /items}, with optional components, compared in memory.
 */
final class Descriptions {
    static final String V30 = "3.0.3";
    static final String V31 = "3.1.0";
    static final String REQUEST = "/paths/~1items/post/requestBody/content/application~1json/schema";
    static final String RESPONSE = "/paths/~1items/post/responses/200/content/application~1json/schema";

    private static final SpecReader READER = new SpecReader(ReadLimits.defaults());

    private Descriptions() {
    }

    static List<Finding> compare(String before, String after) throws SpecException {
        return compare(new ApiDiff(DiffOptions.defaults()), before, after);
    }

    static List<Finding> compare(ApiDiff diff, String before, String after) throws SpecException {
        return diff.compare(READER.parse(before, "old.yaml"), READER.parse(after, "new.yaml")).findings();
    }

    static String requestBody(String version, String schema) {
        return head(version) + "      requestBody: {content: {application/json: {schema: " + schema + "}}}\n"
                + "      responses: {'200': {description: ok}}\n";
    }

    static String responseBody(String version, String schema) {
        return head(version) + "      responses: {'200': {description: ok, content: {application/json: {schema: "
                + schema + "}}}}\n";
    }

    /** Components written after a description: {@code schemas} is YAML lines indented by four spaces. */
    static String withSchemas(String description, String... schemas) {
        return description + "components:\n  schemas:\n" + String.join("", List.of(schemas).stream()
                .map(s -> "    " + s + "\n").toList());
    }

    static String head(String version) {
        return "openapi: " + version + "\n"
                + "info: {title: t, version: '1'}\n"
                + "paths:\n"
                + "  /items:\n"
                + "    post:\n";
    }
}

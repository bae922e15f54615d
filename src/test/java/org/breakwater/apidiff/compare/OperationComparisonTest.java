package org.breakwater.apidiff.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.SpecException;
import org.junit.jupiter.api.Test;

/**
 * How operations are matched and compared beyond what one rule's fixture shows: matching
 * across renamed path parameters and trailing slashes, parameter inheritance, security
 * alternatives, Swagger 2.0 against OpenAPI 3, multi-file descriptions and the pkgdb demo.
 */
class OperationComparisonTest {
    private final ApiDiff diff = new ApiDiff(DiffOptions.defaults());

    @Test
    void renaming_a_path_parameter_is_not_a_removal() throws Exception {
        List<Finding> findings = compare(api("""
                  /p/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses: {"200": {description: ok}}
                """), api("""
                  /p/{name}:
                    get:
                      parameters:
                        - {name: name, in: path, required: true, schema: {type: string}}
                      responses: {"200": {description: ok}}
                """));

        assertThat(findings).extracting(Finding::id, Finding::operation)
                .containsExactly(tuple("request-path-parameter-renamed", "GET /p/{name}"));
    }

    @Test
    void a_trailing_slash_does_not_make_another_operation() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages/:
                    get:
                      responses: {"200": {description: ok}}
                """), api("""
                  /packages:
                    get:
                      responses: {"200": {description: ok}}
                """));

        assertThat(findings).isEmpty();
    }

    @Test
    void header_parameter_names_are_compared_without_regard_to_case() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      parameters:
                        - {name: X-Request-Id, in: header, schema: {type: string}}
                      responses: {"200": {description: ok}}
                """), api("""
                  /packages:
                    get:
                      parameters:
                        - {name: x-request-id, in: header, required: true, schema: {type: string}}
                      responses: {"200": {description: ok}}
                """));

        assertThat(findings).extracting(Finding::id).containsExactly("request-parameter-became-required");
    }

    @Test
    void query_parameter_names_are_compared_with_regard_to_case() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      parameters:
                        - {name: Page, in: query, schema: {type: integer}}
                      responses: {"200": {description: ok}}
                """), api("""
                  /packages:
                    get:
                      parameters:
                        - {name: page, in: query, schema: {type: integer}}
                      responses: {"200": {description: ok}}
                """));

        assertThat(findings).extracting(Finding::id)
                .containsExactlyInAnyOrder("request-parameter-removed", "request-parameter-added");
    }

    @Test
    void path_level_parameters_belong_to_every_operation_of_the_path() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    parameters:
                      - {name: namespace, in: query, schema: {type: string}}
                    get:
                      responses: {"200": {description: ok}}
                    delete:
                      responses: {"204": {description: gone}}
                """), api("""
                  /packages:
                    get:
                      parameters:
                        - {name: namespace, in: query, schema: {type: string}}
                      responses: {"200": {description: ok}}
                    delete:
                      parameters:
                        - {name: namespace, in: query, schema: {type: string}}
                      responses: {"204": {description: gone}}
                """));

        assertThat(findings).isEmpty();
    }

    @Test
    void an_operation_level_parameter_overrides_the_path_level_one_of_the_same_name() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    parameters:
                      - {name: namespace, in: query, schema: {type: string}}
                    get:
                      parameters:
                        - {name: namespace, in: query, required: true, schema: {type: string}}
                      responses: {"200": {description: ok}}
                    delete:
                      responses: {"204": {description: gone}}
                """), api("""
                  /packages:
                    parameters:
                      - {name: namespace, in: query, schema: {type: string}}
                    get:
                      responses: {"200": {description: ok}}
                    delete:
                      responses: {"204": {description: gone}}
                """));

        assertThat(findings).extracting(Finding::id, Finding::operation)
                .containsExactly(tuple("request-parameter-became-optional", "GET /packages"));
    }

    @Test
    void changing_the_style_of_a_plain_query_value_changes_nothing_on_the_wire() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      parameters:
                        - {name: page, in: query, style: form, schema: {type: integer}}
                      responses: {"200": {description: ok}}
                """), api("""
                  /packages:
                    get:
                      parameters:
                        - {name: page, in: query, style: pipeDelimited, schema: {type: integer}}
                      responses: {"200": {description: ok}}
                """));

        assertThat(findings).isEmpty();
    }

    @Test
    void changing_the_style_of_a_plain_path_value_is_breaking() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: integer}}
                      responses: {"200": {description: ok}}
                """), api("""
                  /packages/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, style: matrix, schema: {type: integer}}
                      responses: {"200": {description: ok}}
                """));

        assertThat(findings).extracting(Finding::id).containsExactly("request-parameter-style-changed");
    }

    @Test
    void openapi_3_ignores_header_parameters_named_accept_content_type_or_authorization() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      parameters:
                        - {name: Authorization, in: header, required: true, schema: {type: string}}
                        - {name: Accept, in: header, schema: {type: string}}
                      responses: {"200": {description: ok}}
                """, SCHEMES), api("""
                  /packages:
                    get:
                      security:
                        - basic: []
                      responses: {"200": {description: ok}}
                """, SCHEMES));

        assertThat(findings).extracting(Finding::id).containsExactly("security-requirement-added");
    }

    @Test
    void an_oauth_flow_clients_use_that_is_gone_changes_the_scheme() throws Exception {
        String implicit = """
                components:
                  securitySchemes:
                    oauth:
                      type: oauth2
                      flows:
                        implicit:
                          authorizationUrl: https://id.example/authorize
                          scopes: {read: read packages}
                """;
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      responses: {"200": {description: ok}}
                """, implicit), api("""
                  /packages:
                    get:
                      responses: {"200": {description: ok}}
                """, implicit.replace("implicit:", "authorizationCode:\n          tokenUrl: https://id.example/token")));

        assertThat(findings).extracting(Finding::id, Finding::location)
                .containsExactly(tuple("security-scheme-changed", "/components/securitySchemes/oauth"));
    }

    @Test
    void losing_one_of_two_security_alternatives_breaks_only_the_clients_of_the_lost_one() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      security:
                        - apiKey: []
                        - basic: []
                      responses: {"200": {description: ok}}
                """, SCHEMES), api("""
                  /packages:
                    get:
                      security:
                        - apiKey: []
                      responses: {"200": {description: ok}}
                """, SCHEMES));

        assertThat(findings).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("security-requirement-added", Level.BREAKING));
        assertThat(findings.get(0).message()).contains("basic").doesNotContain("with apiKey");
    }

    @Test
    void keeping_every_alternative_and_adding_anonymous_access_relaxes_security() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      security:
                        - apiKey: []
                      responses: {"200": {description: ok}}
                """, SCHEMES), api("""
                  /packages:
                    get:
                      security:
                        - apiKey: []
                        - {}
                      responses: {"200": {description: ok}}
                """, SCHEMES));

        assertThat(findings).extracting(Finding::id, Finding::level)
                .containsExactly(tuple("security-requirement-relaxed", Level.INFO));
    }

    @Test
    void an_operation_inherits_the_document_security_requirement() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      responses: {"200": {description: ok}}
                """, SCHEMES + "security:\n  - apiKey: []\n"), api("""
                  /packages:
                    get:
                      security:
                        - apiKey: []
                      responses: {"200": {description: ok}}
                """, SCHEMES));

        assertThat(findings).isEmpty();
    }

    @Test
    void a_swagger_2_description_migrated_to_openapi_3_without_change_has_no_findings() throws Exception {
        List<Finding> findings = diff.compare(resource("/compare/swagger2-to-openapi3/old.yaml"),
                resource("/compare/swagger2-to-openapi3/new.yaml")).findings();

        assertThat(findings).as("findings: %s", findings).isEmpty();
    }

    @Test
    void a_swagger_2_body_parameter_is_compared_as_the_request_body() throws Exception {
        List<Finding> findings = compare(swagger("""
                  /packages:
                    post:
                      parameters:
                        - name: package
                          in: body
                          schema:
                            type: object
                            properties:
                              name: {type: string}
                      responses: {"201": {description: created}}
                """), api("""
                  /packages:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                name: {type: integer}
                      responses: {"201": {description: created}}
                """));

        assertThat(findings).extracting(Finding::id, Finding::location).containsExactlyInAnyOrder(
                tuple("request-body-became-required", "/paths/~1packages/post/requestBody"),
                tuple("request-property-type-changed",
                        "/paths/~1packages/post/requestBody/content/application~1json/schema/properties/name"));
    }

    @Test
    void swagger_2_form_data_parameters_are_compared_as_a_form_request_body() throws Exception {
        List<Finding> findings = compare(swagger("""
                  /packages/{name}/acl:
                    post:
                      consumes: [application/x-www-form-urlencoded]
                      parameters:
                        - {name: name, in: path, required: true, type: string}
                        - {name: user, in: formData, required: true, type: string}
                        - {name: acl, in: formData, type: string}
                      responses: {"200": {description: granted}}
                """), api("""
                  /packages/{name}/acl:
                    post:
                      parameters:
                        - {name: name, in: path, required: true, schema: {type: string}}
                      requestBody:
                        required: true
                        content:
                          application/x-www-form-urlencoded:
                            schema:
                              type: object
                              required: [user]
                              properties:
                                user: {type: string}
                      responses: {"200": {description: granted}}
                """));

        assertThat(findings).extracting(Finding::id, Finding::inOld)
                .containsExactly(tuple("request-property-removed", true));
        assertThat(findings.get(0).location()).isEqualTo("/paths/~1packages~1{name}~1acl/post/parameters/2");
    }

    @Test
    void a_change_in_a_referenced_file_is_reported_in_that_file() throws Exception {
        List<Finding> findings = diff.compare(resource("/compare/multi-file/old/openapi.yaml"),
                resource("/compare/multi-file/new/openapi.yaml")).findings();

        assertThat(findings).extracting(Finding::id, Finding::operation, Finding::location).containsExactly(
                tuple("response-property-type-changed", "GET /packages/{name}", "/Package/properties/review_url"));
        assertThat(Path.of(findings.get(0).source().file()))
                .isEqualTo(resource("/compare/multi-file/new/schemas/package.yaml"));
    }

    @Test
    void a_moved_base_path_is_one_finding_and_only_new_hosts_are_added_servers() throws Exception {
        List<Finding> findings = compare(api("""
                  /packages:
                    get:
                      responses: {"200": {description: ok}}
                """, "servers:\n  - url: https://pkgdb.example/pkgdb\n"), api("""
                  /packages:
                    get:
                      responses: {"200": {description: ok}}
                """, "servers:\n  - url: https://pkgdb.example/pkgdb/api\n  - url: https://stg.pkgdb.example/pkgdb/api\n"));

        assertThat(findings).extracting(Finding::id, Finding::location).containsExactly(
                tuple("api-base-path-changed", "/servers/0"),
                tuple("server-added", "/servers/1"));
    }

    @Test
    void the_pkgdb_demo_reports_the_breaking_changes_a_reader_expects() throws Exception {
        List<Finding> findings = diff.compare(resource("/demo/catalog/apis/pkgdb/v1/pkgdb.yaml"),
                resource("/demo/catalog/apis/pkgdb/v2/openapi.yaml")).findings();

        List<Finding> breaking = findings.stream().filter(f -> f.level() == Level.BREAKING).toList();
        assertThat(breaking).extracting(Finding::id, Finding::operation).contains(
                tuple("endpoint-removed", "GET /acls/name/{package}"),
                tuple("request-parameter-required-added", "GET /critpath"),
                tuple("response-media-type-removed", "GET /lists/vcs"),
                tuple("response-property-enum-values-replaced", "GET /collections"),
                tuple("api-base-path-changed", ""));
        assertThat(breaking).filteredOn(f -> f.id().equals("response-property-enum-values-replaced"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("collections[].branchname");
                    assertThat(f.source().file()).endsWith("schemas/collection.yaml");
                });
        assertThat(breaking).filteredOn(f -> f.id().equals("api-base-path-changed"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("/pkgdb → /pkgdb/api"));
        assertThat(findings).extracting(Finding::id).doesNotContain("server-removed");
    }

    private static final String SCHEMES = """
            components:
              securitySchemes:
                apiKey: {type: apiKey, in: header, name: X-Api-Key}
                basic: {type: http, scheme: basic}
            """;

    private List<Finding> compare(String oldText, String newText) throws SpecException {
        return diff.compare(diff.reader().parse(oldText, "old.yaml"), diff.reader().parse(newText, "new.yaml")).findings();
    }

    /** An OpenAPI 3.0 document with {@code paths} (indented two spaces) and other top-level members. */
    private static String api(String paths, String more) {
        return "openapi: 3.0.3\ninfo: {title: test, version: \"1\"}\n" + more + "paths:\n" + paths;
    }

    private static String api(String paths) {
        return api(paths, "");
    }

    private static String swagger(String paths) {
        return "swagger: \"2.0\"\ninfo: {title: test, version: \"1\"}\npaths:\n" + paths;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OperationComparisonTest.class.getResource(name).toURI());
    }
}

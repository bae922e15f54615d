package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Operation;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecReader;
import org.junit.jupiter.api.Test;

/** Logged requests to the operations of the demo's package database descriptions, and of small ones. */
class OperationMatcherTest {
    static OperationMatcher of(String yaml) throws Exception {
        return OperationMatcher.of(new SpecReader(ReadLimits.defaults()).parse(yaml, "t.yaml"));
    }

    static Optional<String> key(OperationMatcher m, String method, String target) {
        return m.match(method, target).map(Operation::key);
    }

    @Test
    void the_pkgdb2_description_matches_requests_with_and_without_its_base_path() throws Exception {
        ApiSpec v2 = new SpecReader(ReadLimits.defaults()).read(Path.of("src/main/resources/demo/catalog/apis/pkgdb/v2/openapi.yaml"));
        OperationMatcher m = OperationMatcher.of(v2);
        assertThat(key(m, "GET", "/pkgdb/api/package/guake?branches=master")).contains("GET /package/{}");
        assertThat(key(m, "GET", "/package/guake/")).contains("GET /package/{}");
        assertThat(key(m, "get", "//pkgdb//api/packages")).contains("GET /packages");
        assertThat(key(m, "GET", "/pkgdb/api/nothing/here")).isEmpty();
        assertThat(key(m, "DELETE", "/pkgdb/api/packages")).as("no such method").isEmpty();
        ApiSpec v1 = new SpecReader(ReadLimits.defaults()).read(Path.of("src/main/resources/demo/catalog/apis/pkgdb/v1/pkgdb.yaml"));
        assertThat(key(OperationMatcher.of(v1), "GET", "/pkgdb/packages/name/guake?tg_format=json"))
                .contains("GET /packages/name/{}");
    }

    static final String SMALL = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            servers: [{url: 'https://example.org/api/v2'}]
            paths:
              /packages/new: {get: {responses: {'200': {description: ok}}}}
              /packages/{name}: {get: {responses: {'200': {description: ok}}}, delete: {responses: {'204': {description: ok}}}}
              /packages/{name}/acl: {post: {responses: {'200': {description: ok}}}}
              /files/{name}.json: {get: {responses: {'200': {description: ok}}}}
              /: {get: {responses: {'200': {description: ok}}}}
            """;

    @Test
    void literals_win_over_templates_and_the_method_decides_between_branches() throws Exception {
        OperationMatcher m = of(SMALL);
        assertThat(key(m, "GET", "/api/v2/packages/new")).contains("GET /packages/new");
        assertThat(key(m, "GET", "/api/v2/packages/guake")).contains("GET /packages/{}");
        assertThat(key(m, "DELETE", "/api/v2/packages/new")).as("the literal has no DELETE: the template has")
                .contains("DELETE /packages/{}");
        assertThat(key(m, "POST", "/api/v2/packages/guake/acl")).contains("POST /packages/{}/acl");
        assertThat(key(m, "HEAD", "/api/v2/packages/guake")).as("HEAD falls back to GET").contains("GET /packages/{}");
        assertThat(key(m, "GET", "/api/v2/files/report.json")).contains("GET /files/{}.json");
        assertThat(key(m, "GET", "/api/v2/files/report.xml")).isEmpty();
        assertThat(key(m, "GET", "/api/v2/")).contains("GET /");
        assertThat(key(m, "GET", "https://example.org/api/v2/packages/guake")).as("absolute-form target")
                .contains("GET /packages/{}");
    }

    @Test
    void encoded_characters_are_decoded_within_their_segment() throws Exception {
        OperationMatcher m = of(SMALL);
        assertThat(key(m, "GET", "/api/v2/packages/python%2Drequests")).contains("GET /packages/{}");
        assertThat(key(m, "GET", "/api/v2/packages/a%2Fb")).as("an encoded slash stays in its segment")
                .contains("GET /packages/{}");
        assertThat(key(m, "GET", "/api/v2/packages%2Fnew")).as("...so this is one segment: no operation").isEmpty();
        assertThat(OperationMatcher.decode("caf%C3%A9%zz%4")).isEqualTo("café%zz%4");
        assertThat(OperationMatcher.decode("ü%20x")).isEqualTo("ü x");
    }
}

package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Matching a target's bytes gives what matching its string gives, or says it cannot tell (a percent-escape). */
class OperationMatcherBytesTest {
    static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            servers: [{url: 'https://example.org/api/v2'}, {url: '/v2'}]
            paths:
              /packages/new: {get: {responses: {'200': {description: ok}}}}
              /packages/{name}: {get: {responses: {'200': {description: ok}}}, delete: {responses: {'204': {description: ok}}}}
              /packages/{name}/acl: {post: {responses: {'200': {description: ok}}}}
              /files/{name}.json: {get: {responses: {'200': {description: ok}}}}
              /files/{a}-{b}.tar: {get: {responses: {'200': {description: ok}}}}
              /files/v{n}: {put: {responses: {'200': {description: ok}}}}
              /: {get: {responses: {'200': {description: ok}}}}
            """;
    static final String[] PARTS = {"", "/", "//", "api", "v2", "packages", "new", "guake", "acl", "files", "x.json", ".json",
        "a-b.tar", "-.tar", "v", "v1", "?q=1", "#f", "%2F", "http://h", "https://h/", "\r", "a\rb.json"};
    static final String[] METHODS = {"GET", "HEAD", "DELETE", "POST", "PUT", "get"};

    @Test
    void every_target_matches_on_bytes_as_on_strings() throws Exception {
        OperationMatcher m = OperationMatcherTest.of(SPEC);
        OperationMatcher.Segments segments = new OperationMatcher.Segments();
        Random random = new Random(17);
        int decided = 0;
        java.util.Set<String> matched = new java.util.HashSet<>();
        for (int n = 0; n < 50_000; n++) {
            StringBuilder target = new StringBuilder();
            for (int p = random.nextInt(7); p >= 0; p--) {
                target.append(random.nextBoolean() ? "/" : "").append(PARTS[random.nextInt(PARTS.length)]);
            }
            String method = METHODS[random.nextInt(METHODS.length)];
            String t = target.toString();
            byte[] bytes = ("GET " + t + " HTTP/1.1").getBytes(StandardCharsets.ISO_8859_1);
            String onBytes = m.matchKey(method.toUpperCase(Locale.ROOT), bytes, 4, 4 + t.length(), segments);
            Optional<String> onString = m.matchKey(method, t);
            if (onBytes != OperationMatcher.UNDECIDED) {
                decided++;
                assertThat(Optional.ofNullable(onBytes)).as("%s %s", method, t).isEqualTo(onString);
                onString.ifPresent(matched::add);
            } else {
                assertThat(t).contains("%");
            }
        }
        assertThat(decided).isGreaterThan(30_000);
        assertThat(matched).contains("GET /packages/new", "GET /packages/{}", "DELETE /packages/{}", "GET /files/{}.json",
                "GET /files/{}-{}.tar", "PUT /files/v{}", "GET /");
    }
}

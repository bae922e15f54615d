package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.TreeSet;
import org.breakwater.App;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecReader;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breakwater never breaks its own users: its API description covers every route it serves,
 * and Breakwater's own diff finds nothing breaking against the last released description
 * (docs/api/openapi-released.json, replaced at each release).
 */
class OwnApiTest {
    @TempDir
    Path dir;

    static ApiSpec current() throws Exception {
        try (InputStream in = OwnApiTest.class.getClassLoader().getResourceAsStream(WebServer.OPENAPI)) {
            return new SpecReader(ReadLimits.defaults()).parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "openapi.json");
        }
    }

    @Test
    void the_api_description_names_exactly_the_routes_the_server_answers() throws Exception {
        TreeSet<String> described = new TreeSet<>();
        current().operations().values().forEach(op -> described.add(op.method().toUpperCase(java.util.Locale.ROOT)
                + " " + op.path()));
        try (App app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
             WebServer server = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0,
                     new PrintWriter(new StringWriter()))) {
            assertThat(new TreeSet<>(server.routes())).isEqualTo(described);
        }
    }

    @Test
    void nothing_breaks_against_the_last_released_description() throws Exception {
        ApiDiff diff = new ApiDiff(DiffOptions.defaults());
        ApiSpec released = diff.reader().read(Path.of("docs/api/openapi-released.json"));
        var breaking = diff.compare(released, current()).findings().stream()
                .filter(f -> f.level() == Level.BREAKING).map(Finding::message).toList();
        assertThat(breaking).as("breaking changes to Breakwater's own API").isEmpty();
    }
}

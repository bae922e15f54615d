package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.Outcome;
import org.breakwater.policy.PolicyReader;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.StagingFixture;
import org.breakwater.staging.SuiteRun;
import org.breakwater.staging.run.ProcessLauncher;
import org.breakwater.staging.secrets.SecretsKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite pages and REST reads over real HTTP: list, history with its SVG chart, one run; never a secret's value. */
class SuitePagesHttpTest {
    static final String SECRET = "pa55-w0rd-xyz";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static StagingFixture fx;
    static WebServer server;
    static long green;
    static long red;

    @BeforeAll
    static void start() throws Exception {
        fx = new StagingFixture(dir.resolve("store"), Instant.now());
        fx.deploy("pkgdb", "2.0.0", "staging");
        SecretBox box = SecretsKey.box(Optional.empty(), Map.of(SecretsKey.VARIABLE,
                Base64.getEncoder().encodeToString(new byte[32])));
        Path folder = Files.createDirectories(dir.resolve("suite"));
        fx.app.suites(box).add(StagingFixture.suite("pkgdb-e2e", "rm -rf out; mkdir out; echo \"using $PW\"; if [ -f fail ];"
                + " then F='<failure message=\"saw devel\"/>'; fi; echo \"<testsuite name='e'><testcase classname='pkgdb'"
                + " name='acls &lt;b&gt;'>$F</testcase><testcase classname='pkgdb' name='list'/></testsuite>\" > out/r.xml; touch fail",
                folder, Duration.ofMinutes(1)));
        fx.app.suites(box).setSecret("pkgdb-e2e", "PW", SECRET);
        var runs = fx.app.suiteRuns(box, ProcessLauncher.standard());
        green = ((Outcome.Done<SuiteRun>) runs.run("pkgdb-e2e", "cli")).value().id();
        red = ((Outcome.Done<SuiteRun>) runs.run("pkgdb-e2e", "cli")).value().id();
        server = WebServer.start(fx.app, PolicyReader.defaults(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        fx.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_suites_page_lists_each_suite_with_its_newest_run_and_versions() throws Exception {
        HttpResponse<String> r = get("/staging/suites");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/staging/suites/pkgdb-e2e\"").contains("#" + red + " failed")
                .contains("pkgdb 2.0.0").doesNotContain(SECRET);
    }

    @Test
    void a_suites_page_shows_its_runs_as_an_svg_chart_and_each_tests_streak() throws Exception {
        HttpResponse<String> r = get("/staging/suites/pkgdb-e2e");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<svg class=\"chart\"").contains("href=\"/staging/runs/" + green + "\"")
                .contains("pkgdb#acls &lt;b&gt;").contains("pkgdb#list").doesNotContain(SECRET).doesNotContain("<b>");
        assertThat(get("/staging/suites/nosuch").statusCode()).isEqualTo(404);
    }

    @Test
    void a_run_page_shows_its_cases_and_its_output_with_the_secret_redacted() throws Exception {
        HttpResponse<String> r = get("/staging/runs/" + red);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("saw devel").contains("using [secret PW]").doesNotContain(SECRET);
        assertThat(get("/staging/runs/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void the_api_gives_suites_runs_history_and_a_run_without_secret_values() throws Exception {
        String suites = get("/api/v1/staging/suites").body();
        assertThat(suites).contains("\"name\":\"pkgdb-e2e\"").contains("\"secrets\":[\"PW\"]").doesNotContain(SECRET);
        assertThat(get("/api/v1/staging/suites/pkgdb-e2e/runs").body()).contains("\"status\":\"failed\"")
                .contains("\"status\":\"passed\"").contains("\"versions\":{\"pkgdb\":\"2.0.0\"}");
        assertThat(get("/api/v1/staging/suites/pkgdb-e2e/history").body()).contains("\"test\":\"pkgdb#list\"")
                .contains("\"passStreak\":2");
        String run = get("/api/v1/staging/runs/" + red).body();
        assertThat(run).contains("using [secret PW]").contains("\"message\":\"saw devel\"").doesNotContain(SECRET);
        assertThat(get("/api/v1/staging/suites/nosuch/runs").statusCode()).isEqualTo(404);
    }
}

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.breakwater.apidiff.spec.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile descriptions sent to {@code POST /api/v1/diff} of a real {@code breakwater serve}
 * running in its own JVM with a 256 MB heap: an alias bomb, a 4 MB plain scalar and 12 MB of
 * junk (the request limit is 16 MB) each get a problem answer, a pair that makes 40,000 findings gets a truncated report,
 * and the server is still up and answering after all of them.
 */
class DiffHostileHttpTest {
    private static final Path BOMBS = Path.of("src/test/resources/specs/bombs");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path dir;

    static Process server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        server = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.breakwater.cli.Main", "serve", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--data-dir", dir.resolve("data").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        for (int i = 0; i < 600 && !up(); i++) {
            assertThat(server.isAlive()).as("the server started: %s", log()).isTrue();
            Thread.sleep(100);
        }
        assertThat(up()).as("the server answers /healthz: %s", log()).isTrue();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static boolean up() {
        try {
            return get("/healthz").statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> diff(String oldName, String oldText, String newName, String newText)
            throws IOException, InterruptedException {
        String body = "{\"old\": {\"file\": " + Json.quote(oldName) + ", \"content\": " + Json.quote(oldText)
                + "}, \"new\": {\"file\": " + Json.quote(newName) + ", \"content\": " + Json.quote(newText) + "}}";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/diff"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> diffOf(String name) throws IOException, InterruptedException {
        return diff(name + "-old.yaml", Files.readString(BOMBS.resolve(name + "-old.yaml")),
                name + "-new.yaml", Files.readString(BOMBS.resolve(name + "-new.yaml")));
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains(detail).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void the_alias_bomb_pair_is_a_400_problem_naming_the_alias() throws Exception {
        HttpResponse<String> r = diffOf("alias");

        assertProblem(r, 400,
                "alias-old.yaml:12:85: the document expands to more than 200,000 nodes through YAML aliases");
        assertThat(up()).isTrue();
    }

    @Test
    void a_four_megabyte_plain_scalar_and_twelve_megabytes_of_junk_are_400_problems() throws Exception {
        String scalar = "x".repeat(4 * 1024 * 1024);
        String junk = "q7Zk3.j+".repeat(12 * 1024 * 1024 / 8);

        assertProblem(diff("old.yaml", scalar, "new.yaml", scalar), 400, "the top level is a string");
        assertProblem(diff("old.yaml", junk, "new.yaml", "openapi: 3.0.3"), 400, "the top level is a string");
        assertThat(up()).as("the server survived: %s", log()).isTrue();
    }

    @Test
    void a_pair_with_forty_thousand_findings_gets_a_truncated_report() throws Exception {
        HttpResponse<String> r = diffOf("wide");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"truncated\" : true").contains("the report is truncated: it lists 10,000 findings");
        assertThat(up()).isTrue();
    }
}

package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve} process started from the shipped sample configuration, as systemd would
 * start it, with the store and the port overridden the documented ways (an environment variable
 * and an option, both winning over the file): it listens and serves its pages.
 */
class ServeFromSampleConfigTest {
    @TempDir
    Path dir;

    @Test
    void serve_starts_from_the_sample_configuration_and_serves_the_login_page() throws Exception {
        Path config = dir.resolve("breakwater.yaml");
        Files.copy(ServeConfigTest.SAMPLE, config);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.breakwater.cli.Main", "serve", "--config", config.toString(), "--port", "0")
                .redirectOutput(dir.resolve("serve.out").toFile()).redirectError(dir.resolve("serve.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BREAKWATER_"));
        pb.environment().put("BREAKWATER_HOME", dir.resolve("data").toString());
        Process serve = pb.start();
        try {
            int port = announcedPort(serve, dir);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("<form");
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).as("the sample's read: login keeps the dashboard behind a login")
                    .isIn(302, 303, 401);
            assertThat(dir.resolve("data").resolve("breakwater.db")).exists();
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    /** The port serve prints once it listens ("Breakwater serves http://127.0.0.1:PORT/"). */
    static int announcedPort(Process serve, Path dir) throws Exception {
        Pattern serves = Pattern.compile("serves http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 1200 && serve.isAlive(); i++) {
            Matcher m = serves.matcher(Files.readString(dir.resolve("serve.out")));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve did not start: " + Files.readString(dir.resolve("serve.log")));
    }
}

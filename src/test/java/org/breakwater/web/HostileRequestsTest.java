package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-request suite: a real {@code breakwater serve} in its own JVM with a 256 MB heap,
 * fed what an attacker from outside sent (chunked and oversized bodies, overflow values, NULs in
 * names, a hundred logins at once, alias and quadratic YAML). After each attack the server must
 * still be up and answer /healthz, and the attack itself must get a 4xx (problem details for the
 * API), never a 500 or a dropped connection. Clients wait generously: "within bounds" means
 * answered, not killed; nothing here is timed.
 */
class HostileRequestsTest {
    private static final long MB = 1024 * 1024;
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    static Process serve;
    static int port;
    static String token;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();

    @BeforeAll
    static void start() throws Exception {
        Path data = dir.resolve("data");
        try (App app = App.open(new App.Settings(Optional.empty(), data), Clock.systemUTC())) {
            app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                    .read(Path.of("src/main/resources/demo/catalog"))));
            app.access().saveAccount(new Principal("victim", Role.VIEWER, Optional.empty()), Optional.of(PASSWORD), "test");
            token = app.access().issue("hostile", new Principal("ci-bot", Role.ADMIN, Optional.empty())).secret();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        serve = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.breakwater.cli.Main", "serve", "--port", "0", "--data-dir", data.toString())
                .redirectOutput(dir.resolve("serve.out").toFile()).redirectError(dir.resolve("serve.log").toFile())
                .start();
        port = announcedPort(dir.resolve("serve.out"));
        assertThat(health()).isEqualTo(200);
    }

    /** The port serve prints once it listens ("Breakwater serves http://127.0.0.1:PORT/"). */
    private static int announcedPort(Path out) throws Exception {
        Pattern serves = Pattern.compile("serves http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 1200 && serve.isAlive(); i++) {
            Matcher m = serves.matcher(Files.readString(out));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve did not start: " + Files.readString(dir.resolve("serve.log")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.destroy();
            serve.waitFor();
        }
    }

    /** After every attack: the server is up, answers its probe, and logged no internal error. */
    @AfterEach
    void still_standing() throws Exception {
        assertThat(serve.isAlive()).as("the server process is alive").isTrue();
        assertThat(health()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("serve.log"))).doesNotContain("internal error")
                .doesNotContain("OutOfMemoryError");
    }

    static int health() throws Exception {
        return get("/healthz").statusCode();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String head(String method, String path, String... headers) {
        return RequestLimitsTest.head(method, path, headers);
    }

    /** A refusal in problem details: a 4xx, said in application/problem+json. */
    static void problem(int status, String type, String body, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(type).startsWith("application/problem+json");
    }

    static void problem(HttpResponse<String> r, int expected) {
        problem(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(), expected);
    }

    @Test
    void a_get_to_a_path_that_only_takes_posts_is_answered_405_with_the_methods_it_allows() throws Exception {
        HttpResponse<String> r = get("/api/v1/diff");
        problem(r, 405);
        assertThat(r.headers().firstValue("allow")).contains("POST");
        assertThat(r.body()).contains("/api/v1/diff answers POST, not GET");
        problem(get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void three_chunked_bodies_of_300_mb_at_once_to_diff_are_refused_with_413_and_not_read() throws Exception {
        List<CompletableFuture<RawHttp.Answer>> attacks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attacks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.send(port, head("POST", "/api/v1/diff", "Content-Type: application/json",
                            "Transfer-Encoding: chunked"), RawHttp.chunked(RawHttp.repeated((byte) ' ', 300 * MB)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<RawHttp.Answer> attack : attacks) {
            RawHttp.Answer a = attack.join();
            problem(a.status(), a.header("content-type"), a.body(), 413);
            assertThat(a.sentAll()).isFalse();
        }
    }

    @Test
    void declared_lengths_of_1_5_and_3_gb_are_refused_with_413_before_reading() throws Exception {
        for (long total : new long[] {1536 * MB, 3072 * MB}) {
            RawHttp.Answer a = RawHttp.send(port, head("POST", "/api/v1/diff", "Content-Type: application/json",
                    "Content-Length: " + total), RawHttp.repeated((byte) ' ', total));
            problem(a.status(), a.header("content-type"), a.body(), 413);
            assertThat(a.sentAll()).isFalse();
        }
    }

    @Test
    void chunked_bodies_of_100_mb_to_login_compare_and_deployments_are_refused_with_413() throws Exception {
        RawHttp.Answer login = RawHttp.send(port, head("POST", "/login", "Content-Type: application/x-www-form-urlencoded",
                "Transfer-Encoding: chunked"), RawHttp.chunked(RawHttp.repeated((byte) 'a', 100 * MB)));
        assertThat(login.status()).isEqualTo(413);
        String boundary = "hostile";
        RawHttp.Answer compare = RawHttp.send(port, head("POST", "/compare",
                "Content-Type: multipart/form-data; boundary=" + boundary, "Transfer-Encoding: chunked"),
                RawHttp.chunked(out -> {
                    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"oldFile\"; filename=\"a.yaml\""
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    RawHttp.repeated((byte) 'a', 100 * MB).writeTo(out);
                }));
        assertThat(compare.status()).isEqualTo(413);
        RawHttp.Answer deployments = RawHttp.send(port, head("POST", "/api/v1/deployments",
                "Content-Type: application/json", "Authorization: Bearer " + token, "Transfer-Encoding: chunked"),
                RawHttp.chunked(RawHttp.repeated((byte) ' ', 100 * MB)));
        problem(deployments.status(), deployments.header("content-type"), deployments.body(), 413);
        assertThat(List.of(login.sentAll(), compare.sentAll(), deployments.sentAll())).containsOnly(false);
    }

    @Test
    void overflow_values_and_nuls_in_names_are_refused_with_400() throws Exception {
        assertThat(get("/api/v1/services?offset=2147483647&limit=500").statusCode()).isEqualTo(200);
        problem(get("/api/v1/plans?offset=2147483647&limit=99999999999"), 400);
        problem(get("/api/v1/where?at=" + URLEncoder.encode("+999999999-12-31", StandardCharsets.UTF_8)), 400);
        problem(post("/api/v1/plans", "application/json", "{\"releases\": {\"pkgdb\": \"9\"},"
                + " \"start\": \"+999999999-12-31T00:00:00Z\"}"), 400);
        problem(post("/api/v1/plans", "application/json", "{\"releases\": {\"pkgdb\": \"9\"},"
                + " \"start\": \"2030-01-01T10:00:00Z\", \"duration\": \"99999999999999999999d\"}"), 400);
        problem(post("/api/v1/deployments", "application/json", "{\"service\": \"pkgdb\", \"version\": \"9\","
                + " \"environment\": \"production\", \"apiDescription\": {\"file\": \"a\\u0000.yaml\","
                + " \"content\": \"openapi: 3.0.3\"}}"), 400);
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/compare"))
                .header("Content-Type", "multipart/form-data; boundary=nul").header("Cookie", "bw_csrf=t")
                .POST(HttpRequest.BodyPublishers.ofString("--nul\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nt\r\n"
                        + "--nul\r\nContent-Disposition: form-data; name=\"oldFile\"; filename=\"a\u0000.yaml\"\r\n\r\n"
                        + "openapi: 3.0.3\r\n--nul--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isBetween(400, 499);
    }

    @Test
    void headers_past_jettys_limit_and_undecodable_uris_are_refused_as_problem_details() throws Exception {
        RawHttp.Answer big = RawHttp.send(port, head("GET", "/api/v1/services", "X-Big: " + "a".repeat(64 * 1024),
                "Connection: close"), out -> { });
        problem(big.status(), big.header("content-type"), big.body(), 431);
        RawHttp.Answer uri = RawHttp.send(port, head("GET", "/api/v1/%zz%00", "Connection: close"), out -> { });
        problem(uri.status(), uri.header("content-type"), uri.body(), 400);
    }

    @Test
    void a_hundred_logins_at_once_are_answered_401_or_429_and_the_server_stays_up() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            logins.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "bw_csrf=t").POST(HttpRequest.BodyPublishers.ofString(
                            "csrf=t&username=victim&password=wrong" + i)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> login : logins) {
            int status = login.join().statusCode();
            assertThat(status).isIn(401, 429);
            throttled += status == 429 ? 1 : 0;
        }
        // the throttle reserves each attempt before the password hash: at most its first few reach the hash
        assertThat(throttled).isGreaterThanOrEqualTo(90);
    }

    /**
     * A document of under 2 KB whose aliases expand to 6^9 (about ten million) values in a schema's
     * enum: under the reader's node count, so only a bound relative to the input refuses it.
     */
    static String aliasBomb(String leaf) {
        StringBuilder y = new StringBuilder("openapi: 3.0.3\ninfo: {title: bomb, version: '1'}\npaths: {}\n");
        y.append("x-a: &a [").append(String.join(", ", java.util.Collections.nCopies(6, leaf))).append("]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'h'; c++) {
            y.append("x-").append(c).append(": &").append(c).append(" [");
            y.append(String.join(", ", java.util.Collections.nCopies(6, "*" + previous))).append("]\n");
            previous = String.valueOf(c);
        }
        return y.append("components: {schemas: {Bomb: {type: array, enum: [")
                .append(String.join(", ", java.util.Collections.nCopies(6, "*h"))).append("]}}}\n").toString();
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void an_alias_bomb_pair_to_diff_is_refused_with_400() throws Exception {
        // the two sides differ in every expanded value, so comparing them would walk all of them
        problem(post("/api/v1/diff", "application/json", "{\"old\": {\"content\": " + json(aliasBomb("lol"))
                + "}, \"new\": {\"content\": " + json(aliasBomb("lul")) + "}}"), 400);
    }

    /** A 4 MB plain scalar over a million lines (answered in seconds on this branch: kept on as a guard). */
    @Test
    void a_4_mb_plain_scalar_to_diff_is_answered_without_a_500() throws Exception {
        String scalar = "openapi: 3.0.3\ninfo: {title: long, version: '1'}\npaths: {}\nx-long: "
                + "a\n  ".repeat(1024 * 1024);
        String side = "{\"content\": " + json(scalar) + "}";
        HttpResponse<String> r = post("/api/v1/diff", "application/json", "{\"old\": " + side + ", \"new\": " + side + "}");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 400);
    }
}

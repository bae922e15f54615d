package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies are capped while they are read, whatever their framing: a chunked body has no
 * length to check up front, so it is counted as it streams in and refused the moment it passes
 * 16 MB, without reading the rest (the connection is closed).
 */
class RequestLimitsTest {
    private static final long MB = 1024 * 1024;

    @TempDir
    static Path dir;

    static App app;
    static WebServer server;
    static final StringWriter LOG = new StringWriter();

    @BeforeAll
    static void start() {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        server = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0, new PrintWriter(LOG, true));
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    static String head(String method, String path, String... headers) {
        StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            h.append(header).append("\r\n");
        }
        return h.toString();
    }

    /** The refusal: 413 problem details (or the error page), the connection closed, the body not read to its end. */
    static void refusedUnread(RawHttp.Answer a, long total) {
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.header("connection")).isEqualTo("close");
        assertThat(a.sentAll()).as("the client could send the whole body").isFalse();
        assertThat(a.sent()).isLessThan(total / 2);
    }

    @Test
    void a_chunked_body_past_the_limit_is_refused_with_413_without_being_read_to_its_end() throws Exception {
        long total = 400 * MB;
        RawHttp.Answer a = RawHttp.send(server.port(), head("POST", "/api/v1/diff", "Content-Type: application/json",
                "Transfer-Encoding: chunked"), RawHttp.chunked(RawHttp.repeated((byte) ' ', total)));
        refusedUnread(a, total);
        assertThat(a.header("content-type")).startsWith("application/problem+json");
        assertThat(a.body()).contains("\"status\":413").contains("at most 16 MB");
    }

    @Test
    void a_declared_length_past_the_limit_is_refused_before_the_body_is_read_even_past_two_gigabytes() throws Exception {
        for (long total : new long[] {1536 * MB, 3L * 1024 * MB}) {
            RawHttp.Answer a = RawHttp.send(server.port(), head("POST", "/api/v1/diff", "Content-Type: application/json",
                    "Content-Length: " + total), RawHttp.repeated((byte) ' ', total));
            refusedUnread(a, total);
            assertThat(a.header("content-type")).as(total + " bytes").startsWith("application/problem+json");
        }
    }

    @Test
    void the_login_form_and_a_write_route_stop_reading_a_chunked_body_at_the_limit() throws Exception {
        long total = 100 * MB;
        RawHttp.Answer login = RawHttp.send(server.port(), head("POST", "/login",
                "Content-Type: application/x-www-form-urlencoded", "Cookie: bw_form=x", "Transfer-Encoding: chunked"),
                RawHttp.chunked(RawHttp.repeated((byte) 'a', total)));
        refusedUnread(login, total);
        assertThat(login.header("content-type")).startsWith("text/html");
        RawHttp.Answer anonymous = RawHttp.send(server.port(), head("POST", "/api/v1/deployments",
                "Content-Type: application/json", "Transfer-Encoding: chunked"),
                RawHttp.chunked(RawHttp.repeated((byte) ' ', total)));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.sentAll()).isFalse();
    }

    @Test
    void a_multipart_upload_to_compare_past_the_limit_is_refused_with_413() throws Exception {
        long total = 100 * MB;
        String boundary = "bwbound";
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"oldFile\"; filename=\"a.yaml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        RawHttp.Body body = out -> {
            out.write(start);
            RawHttp.repeated((byte) 'a', total).writeTo(out);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        };
        RawHttp.Answer a = RawHttp.send(server.port(), head("POST", "/compare",
                "Content-Type: multipart/form-data; boundary=" + boundary, "Transfer-Encoding: chunked"),
                RawHttp.chunked(body));
        refusedUnread(a, total);
    }

    @Test
    void a_chunked_body_under_the_limit_is_read_as_before() throws Exception {
        String spec = "openapi: 3.0.3\\ninfo: {title: t, version: '1'}\\npaths: {}\\n";
        byte[] json = ("{\"old\": {\"content\": \"" + spec + "\"}, \"new\": {\"content\": \"" + spec + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = RawHttp.send(server.port(), head("POST", "/api/v1/diff", "Content-Type: application/json",
                "Transfer-Encoding: chunked", "Connection: close"), RawHttp.chunked(out -> out.write(json)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).contains("\"breaking\"");
    }

    @Test
    void requests_jetty_refuses_before_the_application_sees_them_are_answered_as_problem_details() throws Exception {
        RawHttp.Answer big = RawHttp.send(server.port(), head("GET", "/api/v1/services", "X-Big: " + "a".repeat(20_000),
                "Connection: close"), out -> { });
        assertThat(big.status()).isEqualTo(431);
        assertThat(big.header("content-type")).startsWith("application/problem+json");
        assertThat(big.body()).contains("\"status\":431");
        RawHttp.Answer badUri = RawHttp.send(server.port(), head("GET", "/api/v1/%zz", "Connection: close"), out -> { });
        assertThat(badUri.status()).isEqualTo(400);
        assertThat(badUri.header("content-type")).startsWith("application/problem+json");
        RawHttp.Answer badLength = RawHttp.send(server.port(), head("POST", "/api/v1/diff", "Content-Length: -5",
                "Connection: close"), out -> { });
        assertThat(badLength.status()).isEqualTo(400);
        assertThat(badLength.header("content-type")).startsWith("application/problem+json");
    }
}

package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.logs.LogCapture;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.Cidr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One line per request: key=value in text, the same pairs in JSON lines, the id the client was sent. */
class RequestLogTest {
    @TempDir
    Path dir;

    @Test
    void each_request_is_one_line_with_method_path_status_time_bytes_client_user_and_its_id() throws Exception {
        App app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        WebSettings settings = WebSettings.defaults().with(new Network(Optional.empty(),
                List.of(Cidr.parse("127.0.0.1").orElseThrow())));
        try (LogCapture log = LogCapture.of(RequestLog.NAME, Level.INFO);
             WebServer server = WebServer.start(app, PolicyReader.defaults(), app.access(), settings, "127.0.0.1", 0)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/healthz?token=bwf_secretsecretsecret&x=1"))
                    .header("X-Forwarded-For", "198.51.100.7").build(), HttpResponse.BodyHandlers.ofString());
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(log.messages()).singleElement().isEqualTo("method=GET path=\"/healthz?token=****&x=1\""
                    + " status=200 ms=" + ms(log.messages().get(0)) + " bytes=" + r.body().length()
                    + " remote=198.51.100.7 user=- id=" + id);
            assertThat(log.jsonLines()).singleElement().satisfies(l -> assertThat(l)
                    .contains("\"loggerName\":\"org.breakwater.web.requests\"").contains("{\"method\":\"GET\"}")
                    .contains("{\"status\":\"200\"}").contains("{\"remote\":\"198.51.100.7\"}")
                    .contains("{\"id\":\"" + id + "\"}").doesNotContain("bwf_secret"));
        } finally {
            app.close();
        }
    }

    private static String ms(String line) {
        return line.replaceAll(".* ms=([0-9.]+) .*", "$1");
    }

    @Test
    void a_value_with_a_space_or_quote_is_quoted_and_a_plain_one_is_not() {
        assertThat(RequestLog.quoted("/a/b")).isEqualTo("/a/b");
        assertThat(RequestLog.quoted("/a?b=c")).isEqualTo("\"/a?b=c\"");
        assertThat(RequestLog.quoted("a \"b\"")).isEqualTo("\"a %22b%22\"");
        assertThat(RequestLog.quoted("")).isEqualTo("\"\"");
    }
}

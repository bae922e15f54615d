package org.breakwater.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls to the provider are bounded: an answer larger than the limit is cut off and
 * refused, and one whose body stops coming ends at the timeout. A real local HTTP server plays
 * the provider (or whatever answers at its address).
 */
class OidcProviderHttpTest {
    HttpServer server;
    final ExecutorService handlers = Executors.newCachedThreadPool();
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 64 && release.getCount() > 0; i++) { // up to 4 MiB
                    out.write(block);
                }
            } catch (java.io.IOException e) {
                // the client hung up, as it should
            }
        });
        server.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"keys\": [".getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/fits", exchange -> {
            byte[] body = ("{\"keys\": []" + " ".repeat(ProviderHttp.MAX_BYTES - 13) + "}")
                    .getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    URI at(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void an_answer_larger_than_the_limit_is_refused() {
        ProviderHttp http = new ProviderHttp(HttpClient.newHttpClient());
        assertThatThrownBy(() -> http.getText(at("/huge"), "the key set (JWKS)")).isInstanceOf(OidcException.class)
                .hasMessage("the OpenID provider's answer for the key set (JWKS) at " + at("/huge")
                        + " is larger than 1024 KiB; check the issuer URL");
    }

    @Test
    void an_answer_of_exactly_the_limit_is_read() throws Exception {
        ProviderHttp http = new ProviderHttp(HttpClient.newHttpClient());
        assertThat(http.getObject(at("/fits"), "the key set (JWKS)")).containsKey("keys");
    }

    @Test
    void an_answer_whose_body_stops_coming_ends_at_the_timeout() {
        ProviderHttp http = new ProviderHttp(HttpClient.newHttpClient(), Duration.ofSeconds(1));
        assertThatThrownBy(() -> http.getText(at("/stalls"), "the key set (JWKS)")).isInstanceOf(OidcException.class)
                .hasMessage("the OpenID provider did not answer within 1 s for the key set (JWKS) at " + at("/stalls")
                        + "; check that it is up");
    }
}

package org.breakwater.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a REST test class extends: before each test a store with the demo catalog ({@link CatalogSite})
 * served on a free port, closed after it; JSON posted with a bearer token, and tokens to post with.
 */
abstract class CatalogApiCase {
    @TempDir
    Path dir;

    App app;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startCatalogSite() {
        app = CatalogSite.open(dir);
        server = CatalogSite.serve(app);
    }

    @AfterEach
    void stopCatalogSite() {
        server.close();
        app.close();
    }

    /** Posts {@code body} as JSON to {@code path}, with {@code token} as bearer when there is one. */
    HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh API token of {@code user} with {@code role} (of {@code team}, if given). */
    String token(String user, Role role, String team) {
        return app.access().issue("test", new Principal(user, role, Optional.ofNullable(team))).secret();
    }
}

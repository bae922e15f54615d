package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visitor of the pages over real HTTP, as a browser without JavaScript: keeps its cookies,
 * does not follow redirects (tests look at them), posts forms with the page's CSRF token and
 * this site as their Origin.
 */
final class Visitor {
    /** The demo accounts' password (DemoPlans.PASSWORD). */
    static final String DEMO_PASSWORD = "breakwater-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    Visitor(WebServer server) {
        this.base = "http://127.0.0.1:" + server.port();
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form of {@code pairs} (name, value, name, value ...). */
    HttpResponse<String> post(String path, String... pairs) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the (first) form on the page at {@code path}. */
    String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path).body());
        assertThat(m.find()).as("a form with a CSRF token on " + path).isTrue();
        return m.group(1);
    }

    /** Logs in as a demo account. */
    Visitor login(String user) throws Exception {
        HttpResponse<String> r = post("/login", "csrf", csrf("/login"), "username", user, "password", DEMO_PASSWORD,
                "next", "/");
        assertThat(r.statusCode()).as(user + " logs in").isEqualTo(303);
        return this;
    }
}

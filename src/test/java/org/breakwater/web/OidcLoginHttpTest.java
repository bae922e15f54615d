package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.LoginThrottle;
import org.breakwater.auth.PasswordHasher;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.auth.oidc.OidcSettings;
import org.breakwater.auth.store.JdbiAccessRepository;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on through a real OpenID provider (mock-oauth2-server on a random port), over
 * real HTTP, as a browser does it: the login page's link, the provider's redirect back, the
 * session — and what a local account of the same name, or a broken return, changes.
 */
class OidcLoginHttpTest {
    @TempDir
    Path dir;

    MockOAuth2Server provider;
    App app;
    AccessService access;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        access = new AccessService(new JdbiAccessRepository(app.database().jdbi()), Clock.systemUTC(),
                new PasswordHasher(1_000), LoginThrottle.standard(
                new org.breakwater.auth.store.JdbiLoginAttempts(app.database().jdbi()), Clock.systemUTC()));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        OidcSettings oidc = OidcSettings.of(URI.create(provider.issuerUrl("default").toString()), "breakwater", "s3cret",
                URI.create("http://127.0.0.1:" + port + "/login/oidc/callback"))
                .withGroups("groups", Optional.of("sysadmin-main"), Map.of("sysadmin-web", "infrastructure"));
        server = WebServer.start(app, PolicyReader.defaults(), access, new WebSettings(false, false, Optional.empty(),
                Optional.of(oidc)), "127.0.0.1", port, new PrintWriter(new StringWriter()));
    }

    @AfterEach
    void stop() {
        server.close();
        app.close();
        provider.shutdown();
    }

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url
                : "http://127.0.0.1:" + server.port() + url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void nextToken(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", null, claims, 3600));
    }

    /** Login page → provider → back: the answer to the return. */
    HttpResponse<String> signOn(String next) throws Exception {
        HttpResponse<String> begin = get("/login/oidc?next=" + next);
        assertThat(begin.statusCode()).isEqualTo(302);
        String toProvider = begin.headers().firstValue("Location").orElseThrow();
        assertThat(toProvider).startsWith(provider.authorizationEndpointUrl("default").toString());
        HttpResponse<String> atProvider = get(toProvider);
        assertThat(atProvider.statusCode()).isEqualTo(302);
        return get(atProvider.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void a_member_of_a_team_group_signs_on_and_owns_that_teams_services() throws Exception {
        assertThat(get("/login").body()).contains("Log in with single sign-on (localhost)");
        nextToken("u-1", Map.of("preferred_username", "pingou", "groups", List.of("packager", "sysadmin-web")));
        HttpResponse<String> back = signOn("/services/pkgdb");
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).contains("/services/pkgdb");
        assertThat(get("/services/pkgdb").body()).contains("pingou (service-owner of infrastructure)")
                .contains("Record a deployment made by hand");
        assertThat(access.auditLog(Optional.of("account/pingou"), 5)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("login-oidc"));
    }

    @Test
    void a_local_account_of_the_same_name_decides_the_role_and_a_disabled_one_refuses() throws Exception {
        access.saveAccount(new Principal("nirik", Role.ADMIN, Optional.empty()), Optional.empty(), "test");
        nextToken("u-2", Map.of("preferred_username", "nirik", "groups", List.of("packager")));
        signOn("/");
        assertThat(get("/").body()).contains("nirik (admin)");

        access.disable("nirik", "test");
        nextToken("u-2", Map.of("preferred_username", "nirik"));
        HttpResponse<String> refused = signOn("/");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("is disabled");
    }

    @Test
    void everyone_else_is_a_viewer() throws Exception {
        nextToken("u-3", Map.of("preferred_username", "adamwill", "groups", List.of("qa")));
        signOn("/");
        assertThat(get("/").body()).contains("adamwill (viewer)");
    }

    @Test
    void a_return_without_its_cookie_with_a_forged_state_or_with_an_error_logs_nobody_in() throws Exception {
        HttpResponse<String> stranger = get("/login/oidc/callback?code=abc&state=xyz");
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).contains("log in again");

        HttpResponse<String> begin = get("/login/oidc?next=/");
        HttpResponse<String> atProvider = get(begin.headers().firstValue("Location").orElseThrow());
        String back = atProvider.headers().firstValue("Location").orElseThrow().replaceAll("state=[^&]+", "state=forged");
        HttpResponse<String> forged = get(back);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("Single sign-on refused");

        get("/login/oidc?next=/");
        HttpResponse<String> error = get("/login/oidc/callback?error=access_denied&error_description=no+consent");
        assertThat(error.statusCode()).isEqualTo(401);
        assertThat(error.body()).contains("access_denied: no consent");
        assertThat(get("/").body()).contains("href=\"/login\"");
        assertThat(access.auditLog(Optional.empty(), 10)).noneMatch(e -> e.action().equals("login-oidc"));
    }
}

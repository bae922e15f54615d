package org.breakwater.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole login against a real OpenID provider (mock-oauth2-server) on a random local port,
 * driven without a browser: {@code begin()}, the provider's authorization endpoint (which
 * issues a code at once and redirects; the redirect is read, not followed), {@code finish()}.
 * Each test sets the ID token's claims through the provider's token callback; what no honest
 * provider sends (an altered or unsigned token) comes from {@link Scripted} answers.
 */
class OidcClientTest {
    static final String ISSUER_ID = "default";
    static final String CLIENT_ID = "breakwater";
    static final URI REDIRECT = URI.create("http://localhost:8080/login/oidc/callback");
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final Scripted scripted = new Scripted();
    MockOAuth2Server provider;
    OidcSettings settings;

    @BeforeEach
    void start() {
        startProvider(new OAuth2Config());
    }

    void startProvider(OAuth2Config config) {
        provider = new MockOAuth2Server(config, scripted);
        provider.start();
        settings = OidcSettings.of(URI.create(provider.issuerUrl(ISSUER_ID).toString()), CLIENT_ID, "s3cret", REDIRECT)
                .withGroups("groups", Optional.of("bw-admins"), Map.of("team-infra", "infrastructure"));
    }

    @AfterEach
    void stop() {
        provider.shutdown();
    }

    OidcClient client() {
        return new OidcClient(settings, Clock.systemUTC());
    }

    /** The provider's next ID token: this subject, the standard claims plus {@code claims}, valid for {@code seconds}. */
    void nextToken(String subject, Map<String, Object> claims, long seconds) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, seconds));
    }

    /** What the browser brings back from the provider: the redirect's code and state. */
    record Callback(String code, String state) {
    }

    static Callback authorize(LoginRedirect redirect) throws IOException, InterruptedException {
        HttpResponse<Void> response = BROWSER.send(HttpRequest.newBuilder(redirect.authorizationUri()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo(REDIRECT.getPath());
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return new Callback(query.get("code"), query.get("state"));
    }

    OidcIdentity login(OidcClient client) throws Exception {
        LoginRedirect redirect = client.begin();
        Callback back = authorize(redirect);
        return client.finish(back.code(), back.state(), redirect.pending());
    }

    @Test
    void a_user_logs_in_and_their_group_makes_them_a_service_owner() throws Exception {
        nextToken("u-4711", Map.of("preferred_username", "pingou", "email", "pingou@example.org",
                "name", "Pierre-Yves", "groups", List.of("staff", "team-infra")), 3600);
        OidcClient client = client();
        LoginRedirect redirect = client.begin();
        assertThat(redirect.authorizationUri().toString())
                .startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString() + "?response_type=code&")
                .contains("client_id=breakwater", "scope=openid+profile+email", "code_challenge_method=S256",
                        "state=" + redirect.pending().state(), "nonce=" + redirect.pending().nonce())
                .doesNotContain(redirect.pending().codeVerifier());
        Callback back = authorize(redirect);

        OidcIdentity identity = client.finish(back.code(), back.state(), redirect.pending());

        assertThat(identity.subject()).isEqualTo("u-4711");
        assertThat(identity.username()).isEqualTo("pingou");
        assertThat(identity.email()).contains("pingou@example.org");
        assertThat(identity.name()).contains("Pierre-Yves");
        assertThat(identity.groups()).containsExactly("staff", "team-infra");
        assertThat(identity.principal()).isEqualTo(new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure")));
        RecordedRequest tokenRequest = request("/token");
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("breakwater:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(tokenRequest.getBody().readUtf8()).contains("code_verifier=" + redirect.pending().codeVerifier())
                .doesNotContain("client_secret");
    }

    @Test
    void a_member_of_the_admin_group_is_an_admin_and_the_client_logs_in_again_with_its_cached_keys() throws Exception {
        OidcClient client = client();
        nextToken("u-1", Map.of("preferred_username", "kevin", "groups", List.of("team-infra", "bw-admins")), 3600);
        assertThat(login(client).principal().role()).isEqualTo(Role.ADMIN);

        nextToken("u-2", Map.of("preferred_username", "ralph"), 3600);
        assertThat(login(client).principal()).isEqualTo(new Principal("ralph", Role.VIEWER, Optional.empty()));
    }

    @Test
    void without_a_user_name_claim_the_subject_names_the_user() throws Exception {
        nextToken("u-42", Map.of(), 3600);
        OidcIdentity identity = login(client());
        assertThat(identity.username()).isEqualTo("u-42");
        assertThat(identity.email()).isEmpty();
        assertThat(identity.groups()).isEmpty();
        assertThat(identity.principal().role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void an_es256_signed_id_token_is_verified_too() throws Exception {
        provider.shutdown();
        startProvider(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(new KeyProvider(List.of(), "ES256"))));
        nextToken("u-1", Map.of("preferred_username", "pingou"), 3600);
        assertThat(login(client()).username()).isEqualTo("pingou");
    }

    @Test
    void the_secret_goes_in_the_body_where_the_provider_takes_only_client_secret_post() throws Exception {
        String discovery = BROWSER.send(HttpRequest.newBuilder(URI.create(provider.wellKnownUrl(ISSUER_ID).toString()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        scripted.next("/.well-known/openid-configuration", 200,
                discovery.replaceFirst("\\{", "{\"token_endpoint_auth_methods_supported\": [\"client_secret_post\"],"));
        nextToken("u-1", Map.of("preferred_username", "pingou"), 3600);

        assertThat(login(client()).username()).isEqualTo("pingou");
        RecordedRequest tokenRequest = request("/token");
        assertThat(tokenRequest.getHeader("Authorization")).isNull();
        assertThat(tokenRequest.getBody().readUtf8()).contains("client_id=breakwater", "client_secret=s3cret");
    }

    @Test
    void a_state_other_than_the_one_kept_is_refused() throws Exception {
        OidcClient client = client();
        LoginRedirect redirect = client.begin();
        Callback back = authorize(redirect);
        assertThatThrownBy(() -> client.finish(back.code(), "forged-state", redirect.pending()))
                .isInstanceOf(OidcException.class).hasMessageContaining("the state differs");
    }

    @Test
    void a_pending_login_of_empty_values_cannot_be_made() {
        assertThatThrownBy(() -> new PendingLogin("", "", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a pending login needs its state, nonce and code verifier");
    }

    @Test
    void an_id_token_for_another_login_is_refused_by_its_nonce() throws Exception {
        OidcClient client = client();
        LoginRedirect redirect = client.begin();
        Callback back = authorize(redirect);
        PendingLogin other = new PendingLogin(redirect.pending().state(), "nonce-of-another-login",
                redirect.pending().codeVerifier());
        assertThatThrownBy(() -> client.finish(back.code(), back.state(), other))
                .isInstanceOf(OidcException.class).hasMessageContaining("its nonce differs");
    }

    @Test
    void a_code_redeemed_without_its_pkce_verifier_is_refused_by_the_provider() throws Exception {
        OidcClient client = client();
        LoginRedirect redirect = client.begin();
        Callback back = authorize(redirect);
        PendingLogin stolen = new PendingLogin(redirect.pending().state(), redirect.pending().nonce(),
                "a-verifier-guessed-by-whoever-stole-the-code-0123456789");
        assertThatThrownBy(() -> client.finish(back.code(), back.state(), stolen))
                .isInstanceOf(OidcException.class)
                .hasMessageStartingWith("the OpenID provider refused the login's code (invalid_grant")
                .hasMessageEndingWith("log in again");
    }

    @Test
    void an_id_token_for_another_audience_is_refused() throws Exception {
        nextToken("u-1", Map.of("aud", List.of("some-other-app")), 3600);
        assertThatThrownBy(() -> login(client())).isInstanceOf(OidcException.class)
                .hasMessage("the ID token is meant for [some-other-app], not for Breakwater's client id 'breakwater';"
                        + " check the client id setting");
    }

    @Test
    void an_id_token_for_several_audiences_must_name_breakwater_as_the_authorized_party() throws Exception {
        OidcClient client = client();
        LoginRedirect redirect = client.begin();
        Callback back = authorize(redirect);
        // signed by the provider, but obtained by another client that also lists Breakwater as an audience
        SignedJWT token = provider.issueToken(ISSUER_ID, "some-other-app", new DefaultOAuth2TokenCallback(ISSUER_ID,
                "u-1", "JWT", List.of("some-other-app", CLIENT_ID), Map.of("nonce", redirect.pending().nonce()), 3600));
        scripted.next("/token", 200, tokenResponse(token.serialize()));

        assertThatThrownBy(() -> client.finish(back.code(), back.state(), redirect.pending()))
                .isInstanceOf(OidcException.class)
                .hasMessage("the ID token was issued to client 'some-other-app', not to Breakwater's client id 'breakwater'");
    }

    @Test
    void an_expired_id_token_is_refused() throws Exception {
        nextToken("u-1", Map.of(), -600);
        assertThatThrownBy(() -> login(client())).isInstanceOf(OidcException.class)
                .hasMessageStartingWith("the ID token expired at ");
    }

    @Test
    void an_id_token_from_another_issuer_is_refused() throws Exception {
        nextToken("u-1", Map.of("iss", "https://evil.example"), 3600);
        assertThatThrownBy(() -> login(client())).isInstanceOf(OidcException.class)
                .hasMessage("the ID token was issued by 'https://evil.example', not by the configured issuer '"
                        + settings.issuer() + "'");
    }

    @Test
    void an_id_token_whose_claims_were_altered_is_refused_by_its_signature() throws Exception {
        OidcClient client = client();
        LoginRedirect redirect = client.begin();
        Callback back = authorize(redirect);
        SignedJWT genuine = provider.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, "u-1",
                "JWT", List.of(CLIENT_ID), Map.of("nonce", redirect.pending().nonce(), "groups", List.of("staff")), 3600));
        String[] parts = genuine.serialize().split("\\.");
        JWTClaimsSet promoted = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                .claim("groups", List.of("bw-admins")).build();
        String forged = parts[0] + "." + base64(promoted.toString()) + "." + parts[2];
        scripted.next("/token", 200, tokenResponse(forged));

        assertThatThrownBy(() -> client.finish(back.code(), back.state(), redirect.pending()))
                .isInstanceOf(OidcException.class)
                .hasMessage("the ID token's signature does not match the OpenID provider's key; the token was altered"
                        + " or not issued by the configured provider");
    }

    @Test
    void unsigned_and_hmac_signed_id_tokens_are_refused() throws Exception {
        for (String alg : List.of("none", "HS256")) {
            OidcClient client = client();
            LoginRedirect redirect = client.begin();
            Callback back = authorize(redirect);
            String claims = "{\"iss\": \"" + settings.issuer() + "\", \"aud\": \"breakwater\", \"sub\": \"admin\"}";
            String token = base64("{\"alg\": \"" + alg + "\"}") + "." + base64(claims) + "." + base64("sig");
            scripted.next("/token", 200, tokenResponse(token));

            assertThatThrownBy(() -> client.finish(back.code(), back.state(), redirect.pending()))
                    .isInstanceOf(OidcException.class)
                    .hasMessage("the ID token is signed with '" + alg + "', which Breakwater refuses; have the OpenID"
                            + " provider sign ID tokens with RS256 or ES256");
        }
    }

    @Test
    void an_issuer_spelt_differently_from_the_providers_own_is_refused_at_discovery() {
        URI withSlash = URI.create(settings.issuer() + "/");
        OidcClient client = new OidcClient(OidcSettings.of(withSlash, CLIENT_ID, "s3cret", REDIRECT), Clock.systemUTC());
        assertThatThrownBy(client::begin).isInstanceOf(OidcException.class)
                .hasMessage("the OpenID provider calls itself '" + settings.issuer() + "' but Breakwater is configured"
                        + " with '" + withSlash + "'; set the issuer to exactly the provider's value");
    }

    @Test
    void an_unreachable_issuer_is_named_in_the_error() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI issuer = URI.create("http://127.0.0.1:" + closedPort + "/realms/fedora");
        OidcClient client = new OidcClient(OidcSettings.of(issuer, CLIENT_ID, "s3cret", REDIRECT), Clock.systemUTC());
        assertThatThrownBy(client::begin).isInstanceOf(OidcException.class)
                .hasMessageStartingWith("cannot reach the OpenID provider for the discovery document at " + issuer
                        + "/.well-known/openid-configuration (")
                .hasMessageEndingWith("); check the issuer URL and that the provider is up");
    }

    @Test
    void an_issuer_url_where_no_provider_answers_is_named_in_the_error() {
        scripted.next("/.well-known/openid-configuration", 404, "<html><body>Not Found</body></html>");
        assertThatThrownBy(client()::begin).isInstanceOf(OidcException.class)
                .hasMessage("the OpenID provider answered HTTP 404 for the discovery document at " + settings.issuer()
                        + "/.well-known/openid-configuration; check the issuer URL");
    }

    /** The first request the provider received at a path ending in {@code suffix}. */
    RecordedRequest request(String suffix) throws InterruptedException {
        for (RecordedRequest r = provider.takeRequest(5, TimeUnit.SECONDS); r != null;
                r = provider.takeRequest(5, TimeUnit.SECONDS)) {
            if (r.getPath().endsWith(suffix)) {
                return r;
            }
        }
        throw new AssertionError("the provider received no request for " + suffix);
    }

    static String tokenResponse(String idToken) {
        return "{\"token_type\": \"Bearer\", \"access_token\": \"x\", \"expires_in\": 3600, \"id_token\": \"" + idToken + "\"}";
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers given once each, in place of the provider's own, to the next request at a path ending as named. */
    static final class Scripted implements Route {
        private final Map<String, Deque<OAuth2HttpResponse>> answers = new ConcurrentHashMap<>();

        void next(String pathSuffix, int status, String body) {
            answers.computeIfAbsent(pathSuffix, p -> new ConcurrentLinkedDeque<>()).add(new OAuth2HttpResponse(
                    Headers.of("Content-Type", body.startsWith("{") ? "application/json" : "text/html"), status, body, null));
        }

        private Optional<Deque<OAuth2HttpResponse>> queue(OAuth2HttpRequest request) {
            return answers.entrySet().stream().filter(e -> request.getUrl().encodedPath().endsWith(e.getKey()))
                    .map(Map.Entry::getValue).filter(q -> !q.isEmpty()).findFirst();
        }

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return queue(request).isPresent();
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return queue(request).orElseThrow().poll();
        }
    }
}

package org.breakwater.auth.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Logs people in through an OpenID Connect provider with the authorization code flow
 * (OpenID Connect Core 1.0, section 3.1), as a confidential client, with PKCE.
 *
 * <ol>
 * <li>{@link #begin()} reads the provider's discovery document (once; its {@code issuer} must
 * equal the configured one), makes a random state, nonce and PKCE code verifier, and returns
 * the provider's authorization URL carrying the state, the nonce and the verifier's S256
 * challenge. The caller keeps the {@link PendingLogin} for this browser and redirects it.</li>
 * <li>The provider authenticates the user and sends the browser back to the redirect URI with
 * {@code code} and {@code state} (or with {@code error}, which the caller reports itself).</li>
 * <li>{@link #finish} refuses a state other than the kept one, exchanges the code and the
 * verifier at the token endpoint (the secret in a Basic header, or in the body where the
 * provider takes only {@code client_secret_post}), and verifies the ID token with Nimbus
 * ({@link IdTokenVerifier}): signed with RS256/384/512 or ES256/384/512 (never {@code none} or
 * an HMAC) by the provider's key named by {@code kid} in its JWKS (fetched again when the kid
 * is unknown, as after a key rotation: {@link ProviderKeys}); {@code iss} the configured issuer;
 * {@code aud} containing the client id, and {@code azp} the client id where present or where
 * there are several audiences; {@code exp}, {@code iat} and {@code nbf} within
 * {@link IdTokenClaims#CLOCK_SKEW} of now; {@code nonce} the kept one. Only then does it return the {@link OidcIdentity}, with the role that
 * {@link OidcSettings#principal} derives from the user's groups.</li>
 * </ol>
 *
 * Every failure is an {@link OidcException} with a one-line message for the user or the
 * administrator. Each call to the provider, body included, times out after
 * {@link ProviderHttp#TIMEOUT} and reads at most {@link ProviderHttp#MAX_BYTES}. One client
 * serves every login and may be shared between threads.
 */
public final class OidcClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final OidcSettings settings;
    private final ProviderHttp http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private ProviderMetadata provider; // guarded by this; kept once read
    private JWKSource<SecurityContext> keys; // guarded by this; made with the provider's metadata

    public OidcClient(OidcSettings settings, Clock clock) {
        this(settings, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build(), clock);
    }

    public OidcClient(OidcSettings settings, HttpClient httpClient, Clock clock) {
        this.settings = settings;
        this.http = new ProviderHttp(httpClient);
        this.clock = clock;
    }

    /** Starts a login: where to send the browser, and what to keep until it comes back. */
    public LoginRedirect begin() throws OidcException {
        URI endpoint = provider().authorizationEndpoint();
        PendingLogin pending = new PendingLogin(secret(), secret(), secret());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri().toString());
        query.put("scope", settings.scopes());
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", base64(sha256(pending.codeVerifier())));
        query.put("code_challenge_method", "S256");
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        return new LoginRedirect(URI.create(endpoint + separator + form(query)), pending);
    }

    /**
     * Finishes a login from the provider's redirect: {@code code} and {@code returnedState} are
     * its query parameters, {@code pending} what {@link #begin()} gave this browser.
     */
    public OidcIdentity finish(String code, String returnedState, PendingLogin pending) throws OidcException {
        if (returnedState == null || !MessageDigest.isEqual(returnedState.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new OidcException("this login was not started from this browser, or has already been used"
                    + " (the state differs); log in again");
        }
        if (code == null || code.isBlank()) {
            throw new OidcException("the OpenID provider sent no authorization code; log in again");
        }
        ProviderMetadata metadata = provider();
        JWTClaimsSet token = new IdTokenVerifier(keys(), clock).verify(exchange(metadata, code, pending.codeVerifier()),
                metadata.issuer(), settings.clientId(), pending.nonce());
        String subject = token.getSubject();
        String username = claim(token, settings.usernameClaim()).filter(u -> !u.isBlank()).orElse(subject);
        List<String> groups = settings.groupsClaim().map(c -> claimList(token, c)).orElse(List.of());
        return new OidcIdentity(subject, username, claim(token, "email"), claim(token, "name"), groups,
                settings.principal(username, groups));
    }

    /** A claim that is a string. */
    private static Optional<String> claim(JWTClaimsSet token, String name) {
        return Optional.ofNullable(IdTokenClaims.text(token, name));
    }

    /** A claim that is a list of strings (other items left out), or a single string. */
    private static List<String> claimList(JWTClaimsSet token, String name) {
        if (token.getClaim(name) instanceof List<?> items) {
            return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim(token, name).map(List::of).orElse(List.of());
    }

    private synchronized ProviderMetadata provider() throws OidcException {
        if (provider == null) {
            String issuer = settings.issuer().toString();
            URI document = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                    + "/.well-known/openid-configuration");
            provider = ProviderMetadata.from(http.getObject(document, "the discovery document"), settings.issuer());
        }
        return provider;
    }

    private synchronized JWKSource<SecurityContext> keys() throws OidcException {
        if (keys == null) {
            keys = ProviderKeys.source(provider().jwksUri(), http);
        }
        return keys;
    }

    /** Trades the code for the provider's tokens; returns the ID token. */
    private String exchange(ProviderMetadata metadata, String code, String codeVerifier) throws OidcException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", settings.redirectUri().toString());
        body.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = http.request(metadata.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (metadata.secretInBody()) {
            body.put("client_id", settings.clientId());
            body.put("client_secret", settings.clientSecret());
        } else {
            // RFC 6749, section 2.3.1: each part form-encoded before joining
            String credentials = encode(settings.clientId()) + ":" + encode(settings.clientSecret());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        ProviderHttp.Answer response = http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(), "the token endpoint");
        if (response.status() != 200) {
            throw refused(response);
        }
        Map<String, Object> tokens = ProviderHttp.object(response.body(), "the OpenID provider's token response");
        return Optional.ofNullable(ProviderMetadata.string(tokens, "id_token")).orElseThrow(() -> new OidcException(
                "the OpenID provider returned no ID token; check that the client may use the 'openid' scope"));
    }

    private static OidcException refused(ProviderHttp.Answer response) {
        Optional<Map<String, Object>> error;
        try {
            error = Optional.of(ProviderHttp.object(response.body(), "the error"));
        } catch (OidcException e) {
            error = Optional.empty();
        }
        String code = error.map(e -> ProviderMetadata.string(e, "error")).orElse("HTTP " + response.status());
        String detail = error.map(e -> ProviderMetadata.string(e, "error_description"))
                .map(d -> ": " + d.replaceAll("\\s+", " ")).orElse("");
        if (code.equals("invalid_client") || response.status() == 401) {
            return new OidcException("the OpenID provider refused Breakwater's client id or secret (" + code + detail
                    + "); check the OIDC client settings");
        }
        if (code.equals("invalid_grant")) {
            return new OidcException("the OpenID provider refused the login's code (" + code + detail + "); log in again");
        }
        return new OidcException("the OpenID provider's token endpoint refused the login (" + code + detail + ")");
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return base64(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

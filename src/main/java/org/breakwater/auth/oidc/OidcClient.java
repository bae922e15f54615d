package org.breakwater.auth.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.breakwater.apidiff.spec.ObjectNode;

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
 * provider takes only {@code client_secret_post}), and verifies the ID token: signed with
 * RS256/384/512 or ES256/384/512 (never {@code none} or an HMAC) by the provider's key named by
 * {@code kid} in its JWKS (fetched again once when the kid is unknown, as after a key
 * rotation); {@code iss} the configured issuer; {@code aud} containing the client id, and
 * {@code azp} the client id where present or where there are several audiences; {@code exp},
 * {@code iat} and {@code nbf} within {@link IdToken#CLOCK_SKEW} of now; {@code nonce} the kept
 * one. Only then does it return the {@link OidcIdentity}, with the role that
 * {@link OidcSettings#principal} derives from the user's groups.</li>
 * </ol>
 *
 * Every failure is an {@link OidcException} with a one-line message for the user or the
 * administrator. Each call to the provider times out after {@link ProviderHttp#TIMEOUT}. One
 * client serves every login and may be shared between threads.
 */
public final class OidcClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final OidcSettings settings;
    private final ProviderHttp http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private ProviderMetadata provider; // guarded by this; kept once read
    private JsonWebKeys keys; // guarded by this; read again when a token names an unknown key

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
        IdToken token = IdToken.parse(exchange(metadata, code, pending.codeVerifier()));
        token.verifySignature(key(metadata, token));
        token.checkClaims(metadata.issuer(), settings.clientId(), pending.nonce(), clock.instant());
        String subject = token.claim("sub").orElseThrow();
        String username = token.claim(settings.usernameClaim()).filter(u -> !u.isBlank()).orElse(subject);
        List<String> groups = settings.groupsClaim().map(token::claimList).orElse(List.of());
        return new OidcIdentity(subject, username, token.claim("email"), token.claim("name"), groups,
                settings.principal(username, groups));
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

    private synchronized PublicKey key(ProviderMetadata metadata, IdToken token) throws OidcException {
        Optional<PublicKey> key = keys == null ? Optional.empty() : keys.find(token.keyId(), token.algorithm());
        if (key.isEmpty()) {
            keys = JsonWebKeys.from(http.getObject(metadata.jwksUri(), "the key set (JWKS)"));
            key = keys.find(token.keyId(), token.algorithm());
        }
        return key.orElseThrow(() -> new OidcException("the OpenID provider's key set has no " + token.algorithm()
                + " key " + token.keyId().map(k -> "'" + k + "'").orElse("without a key id")
                + " to check the ID token with"));
    }

    /** Trades the code for the provider's tokens; returns the ID token. */
    private String exchange(ProviderMetadata metadata, String code, String codeVerifier) throws OidcException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", settings.redirectUri().toString());
        body.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = ProviderHttp.request(metadata.tokenEndpoint())
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
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(),
                "the token endpoint");
        if (response.statusCode() != 200) {
            throw refused(response);
        }
        ObjectNode tokens = JsonFields.object(response.body(), "the OpenID provider's token response");
        return JsonFields.string(tokens, "id_token").orElseThrow(() -> new OidcException(
                "the OpenID provider returned no ID token; check that the client may use the 'openid' scope"));
    }

    private static OidcException refused(HttpResponse<String> response) {
        Optional<ObjectNode> error;
        try {
            error = Optional.of(JsonFields.object(response.body(), "the error"));
        } catch (OidcException e) {
            error = Optional.empty();
        }
        String code = error.flatMap(e -> JsonFields.string(e, "error")).orElse("HTTP " + response.statusCode());
        String detail = error.flatMap(e -> JsonFields.string(e, "error_description"))
                .map(d -> ": " + d.replaceAll("\\s+", " ")).orElse("");
        if (code.equals("invalid_client") || response.statusCode() == 401) {
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

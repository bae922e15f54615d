package org.breakwater.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A hand-driven OpenID provider on a random local port (com.sun.net.httpserver): a discovery
 * document, a JWKS whose keys the test changes (to rotate them), and a token endpoint that
 * answers with whatever ID token the test built, so that tokens no honest provider issues reach
 * {@link OidcClient#finish} through the same path as a real login.
 */
final class TokenProvider implements AutoCloseable {
    private final HttpServer server;
    private volatile List<RSAKey> published = List.of();
    private volatile String idToken = "";
    private final AtomicInteger keySetFetches = new AtomicInteger();

    TokenProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = issuer().toString();
        answer("/.well-known/openid-configuration", () -> "{\"issuer\": \"" + issuer + "\","
                + " \"authorization_endpoint\": \"" + issuer + "/authorize\", \"token_endpoint\": \"" + issuer
                + "/token\", \"jwks_uri\": \"" + issuer + "/jwks\"}");
        answer("/jwks", () -> {
            keySetFetches.incrementAndGet();
            return new JWKSet(List.copyOf(published)).toPublicJWKSet().toString();
        });
        answer("/token", () -> "{\"token_type\": \"Bearer\", \"access_token\": \"x\", \"id_token\": \"" + idToken + "\"}");
        server.start();
    }

    URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The keys the JWKS lists from now on (the public halves). */
    void publish(RSAKey... keys) {
        published = List.of(keys);
    }

    /** The ID token the token endpoint gives next. */
    void issue(String token) {
        idToken = token;
    }

    int keySetFetches() {
        return keySetFetches.get();
    }

    static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code claims} signed RS256 with {@code key}, the header naming {@code kid} (none when null). */
    static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void answer(String path, Supplier<String> body) {
        server.createContext(path, exchange -> send(exchange, body.get()));
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (exchange) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.breakwater.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.breakwater.auth.oidc.TokenProvider.sign;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks on ID-token checking that a library gets right and hand-written code often does
 * not. Each token is built here with Nimbus, served by a real local provider
 * ({@link TokenProvider}) and fed through {@link OidcClient#begin()} and
 * {@link OidcClient#finish} as a login is; each refusal would be an acceptance if the check
 * were skipped, and {@link #a_genuine_token_logs_the_user_in} shows the same setup accepts an
 * honest token.
 */
class OidcAttackTest {
    static final String CLIENT_ID = "breakwater";
    static final URI REDIRECT = URI.create("http://localhost:8080/login/oidc/callback");
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static RSAKey keyA;
    static RSAKey keyB;
    static RSAKey foreign;

    TokenProvider provider;
    OidcClient client;

    @BeforeAll
    static void keys() {
        keyA = TokenProvider.rsaKey("a");
        keyB = TokenProvider.rsaKey("b");
        foreign = TokenProvider.rsaKey("a"); // an attacker's key under the provider's key id
    }

    @BeforeEach
    void start() throws Exception {
        provider = new TokenProvider();
        provider.publish(keyA);
        client = new OidcClient(OidcSettings.of(provider.issuer(), CLIENT_ID, "s3cret", REDIRECT),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    /** Honest claims for the login whose nonce is {@code nonce}: issued now, valid five minutes. */
    JWTClaimsSet.Builder claims(String nonce) {
        return new JWTClaimsSet.Builder().issuer(provider.issuer().toString()).subject("u-1").audience(CLIENT_ID)
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300))).claim("nonce", nonce)
                .claim("preferred_username", "pingou");
    }

    /** A login whose token endpoint answers with the token {@code token} makes from the login's honest claims. */
    OidcIdentity login(TokenFor token) throws Exception {
        LoginRedirect redirect = client.begin();
        provider.issue(token.make(claims(redirect.pending().nonce())));
        return client.finish("code-1", redirect.pending().state(), redirect.pending());
    }

    AbstractThrowableAssert<?, ? extends Throwable> refused(TokenFor token) {
        return assertThatThrownBy(() -> login(token)).isInstanceOf(OidcException.class);
    }

    /** An ID token signed RS256 by {@code key} under {@code kid}, its claims changed by {@code change}. */
    static TokenFor signed(RSAKey key, String kid, UnaryOperator<JWTClaimsSet.Builder> change) {
        return claims -> sign(key, kid, change.apply(claims).build());
    }

    static TokenFor signed(RSAKey key, String kid) {
        return signed(key, kid, c -> c);
    }

    interface TokenFor {
        String make(JWTClaimsSet.Builder claims) throws Exception;
    }

    @Test
    void a_genuine_token_logs_the_user_in() throws Exception {
        assertThat(login(signed(keyA, "a")).username()).isEqualTo("pingou");
    }

    @Test
    void an_unsigned_alg_none_token_is_refused() {
        refused(claims -> new PlainJWT(claims.build()).serialize())
                .hasMessageStartingWith("the ID token is signed with 'none', which Breakwater refuses");
    }

    @Test
    void an_hs256_token_keyed_with_the_providers_public_rsa_key_is_refused() {
        refused(claims -> {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("a").build(), claims.build());
            jwt.sign(new MACSigner(keyA.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        }).hasMessageStartingWith("the ID token is signed with 'HS256', which Breakwater refuses");
    }

    @Test
    void a_token_whose_kid_names_one_published_key_but_is_signed_with_another_is_refused() {
        provider.publish(keyA, keyB);
        refused(signed(keyB, "a")).hasMessageStartingWith("the ID token's signature does not match");
    }

    @Test
    void a_token_signed_with_an_attackers_key_under_the_providers_kid_is_refused() {
        refused(signed(foreign, "a")).hasMessageStartingWith("the ID token's signature does not match");
    }

    @Test
    void a_token_without_a_kid_is_checked_against_the_published_keys_only() throws Exception {
        provider.publish(keyA, keyB);
        refused(signed(foreign, null)).hasMessageStartingWith("the ID token's signature does not match");
        // a token without a kid but signed by one of the provider's keys is the provider's
        assertThat(login(signed(keyB, null)).subject()).isEqualTo("u-1");
    }

    @Test
    void a_kid_of_path_like_junk_names_no_key_and_reads_nothing_but_the_key_set() throws Exception {
        for (String kid : List.of("../../../../etc/passwd", "a/../a", "a\u0000", "file:///etc/passwd", "")) {
            refused(signed(keyA, kid)).hasMessageStartingWith("the OpenID provider's key set has no RS256 key");
        }
        assertThat(login(signed(keyA, "a")).subject()).isEqualTo("u-1");
    }

    @Test
    void a_key_the_token_carries_or_points_to_in_its_header_is_not_trusted() {
        for (JWSHeader.Builder header : List.of(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("a").jwk(foreign.toPublicJWK()),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("a").jwkURL(URI.create("https://evil.example/jwks")),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("a").x509CertURL(URI.create("https://evil.example/c")))) {
            refused(claims -> signedWith(foreign, header, claims))
                    .hasMessageStartingWith("the ID token's signature does not match");
        }
    }

    @Test
    void a_token_whose_algorithm_does_not_fit_the_key_its_kid_names_is_refused() throws Exception {
        ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("a").generate();
        refused(claims -> {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("a").build(), claims.build());
            jwt.sign(new ECDSASigner(ecKey));
            return jwt.serialize();
        }).hasMessage("the OpenID provider's key set has no ES256 key 'a' to check the ID token with");
    }

    @Test
    void a_token_needing_a_header_extension_breakwater_does_not_know_is_refused() {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("a")
                .customParam("x-must", true).criticalParams(Set.of("x-must"));
        refused(claims -> signedWith(keyA, header, claims))
                .hasMessage("the ID token needs JWS extensions Breakwater does not know ('crit')");
    }

    static String signedWith(RSAKey key, JWSHeader.Builder header, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header.build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void after_a_key_rotation_the_new_key_is_fetched_and_the_removed_key_no_longer_counts() throws Exception {
        login(signed(keyA, "a"));
        assertThat(provider.keySetFetches()).isEqualTo(1);
        provider.publish(keyB);

        assertThat(login(signed(keyB, "b")).subject()).isEqualTo("u-1");
        assertThat(provider.keySetFetches()).isEqualTo(2);
        refused(signed(keyA, "a")).hasMessage("the OpenID provider's key set has no RS256 key 'a' to check the ID"
                + " token with");
    }

    @Test
    void a_token_expired_within_the_allowed_clock_skew_is_accepted() throws Exception {
        Instant expired = NOW.minus(IdTokenClaims.CLOCK_SKEW).plusSeconds(5);
        assertThat(login(signed(keyA, "a", c -> c.issueTime(Date.from(NOW.minusSeconds(600)))
                .expirationTime(Date.from(expired)))).subject()).isEqualTo("u-1");
    }

    @Test
    void a_token_expired_beyond_the_allowed_clock_skew_is_refused() {
        Instant expired = NOW.minus(IdTokenClaims.CLOCK_SKEW).minusSeconds(5);
        refused(signed(keyA, "a", c -> c.issueTime(Date.from(NOW.minusSeconds(600))).expirationTime(Date.from(expired))))
                .hasMessage("the ID token expired at " + expired + "; log in again, and if this repeats check this"
                        + " server's clock");
    }

    @Test
    void a_token_issued_in_the_future_beyond_the_skew_is_refused_and_within_it_accepted() throws Exception {
        Instant ahead = NOW.plus(IdTokenClaims.CLOCK_SKEW).plusSeconds(5);
        refused(signed(keyA, "a", c -> c.issueTime(Date.from(ahead))))
                .hasMessageStartingWith("the ID token is not valid before " + ahead);
        Instant slightly = NOW.plus(IdTokenClaims.CLOCK_SKEW).minusSeconds(5);
        assertThat(login(signed(keyA, "a", c -> c.issueTime(Date.from(slightly)))).subject()).isEqualTo("u-1");
    }

    @Test
    void a_token_not_valid_before_a_time_beyond_the_skew_is_refused() {
        Instant ahead = NOW.plus(IdTokenClaims.CLOCK_SKEW).plus(Duration.ofSeconds(5));
        refused(signed(keyA, "a", c -> c.notBeforeTime(Date.from(ahead))))
                .hasMessageStartingWith("the ID token is not valid before " + ahead);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        refused(signed(keyA, "a", c -> c.issuer("https://evil.example")))
                .hasMessageStartingWith("the ID token was issued by 'https://evil.example'");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        refused(signed(keyA, "a", c -> c.audience("some-other-app")))
                .hasMessageStartingWith("the ID token is meant for [some-other-app]");
    }

    @Test
    void a_token_for_several_audiences_needs_breakwater_as_its_authorized_party() {
        refused(signed(keyA, "a", c -> c.audience(List.of(CLIENT_ID, "some-other-app"))))
                .hasMessage("the ID token was issued to client '(not named)', not to Breakwater's client id 'breakwater'");
        refused(signed(keyA, "a", c -> c.audience(List.of(CLIENT_ID, "some-other-app")).claim("azp", "some-other-app")))
                .hasMessage("the ID token was issued to client 'some-other-app', not to Breakwater's client id"
                        + " 'breakwater'");
    }

    @Test
    void a_token_for_another_login_is_refused_by_its_nonce() {
        refused(signed(keyA, "a", c -> c.claim("nonce", "someone-elses-nonce")))
                .hasMessageContaining("its nonce differs");
        refused(signed(keyA, "a", c -> c.claim("nonce", null))).hasMessageContaining("its nonce differs");
    }

    @Test
    void a_token_without_a_subject_or_expiry_is_refused() {
        refused(signed(keyA, "a", c -> c.subject(null))).hasMessage("the ID token names no subject ('sub')");
        refused(signed(keyA, "a", c -> c.subject(""))).hasMessage("the ID token names no subject ('sub')");
        refused(signed(keyA, "a", c -> c.expirationTime(null))).hasMessage("the ID token has no valid 'exp' time");
    }
}

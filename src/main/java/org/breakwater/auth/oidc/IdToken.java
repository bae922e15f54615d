package org.breakwater.auth.oidc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ObjectNode;

/**
 * An ID token as the token endpoint returned it: a JWT in JWS compact form (RFC 7515, 7519),
 * split and decoded but trusted only once {@link #verifySignature} and {@link #checkClaims}
 * have passed (OpenID Connect Core 1.0, section 3.1.3.7).
 */
final class IdToken {
    /** How far apart this server's clock and the provider's may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /**
     * The signature algorithms accepted: public-key ones only. {@code none} and the HMAC
     * algorithms (which would make the client secret a signing key) are refused.
     */
    enum Algorithm {
        RS256("SHA256withRSA", "RSA"), RS384("SHA384withRSA", "RSA"), RS512("SHA512withRSA", "RSA"),
        ES256("SHA256withECDSAinP1363Format", "EC"), ES384("SHA384withECDSAinP1363Format", "EC"),
        ES512("SHA512withECDSAinP1363Format", "EC");

        final String signature;
        final String keyType;

        Algorithm(String signature, String keyType) {
            this.signature = signature;
            this.keyType = keyType;
        }
    }

    private final Algorithm algorithm;
    private final Optional<String> keyId;
    private final ObjectNode claims;
    private final byte[] signedPart;
    private final byte[] signature;

    private IdToken(Algorithm algorithm, Optional<String> keyId, ObjectNode claims, byte[] signedPart, byte[] signature) {
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.claims = claims;
        this.signedPart = signedPart;
        this.signature = signature;
    }

    static IdToken parse(String compact) throws OidcException {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new OidcException("the OpenID provider's ID token is not a signed JWT");
        }
        ObjectNode header = JsonFields.object(text(parts[0]), "the ID token's header");
        ObjectNode claims = JsonFields.object(text(parts[1]), "the ID token's claims");
        String name = JsonFields.string(header, "alg").orElse("none");
        Algorithm algorithm;
        try {
            algorithm = Algorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new OidcException("the ID token is signed with '" + name + "', which Breakwater refuses; have the"
                    + " OpenID provider sign ID tokens with RS256 or ES256");
        }
        if (header.has("crit")) {
            throw new OidcException("the ID token needs JWS extensions Breakwater does not know ('crit')");
        }
        return new IdToken(algorithm, JsonFields.string(header, "kid"), claims,
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                bytes(parts[2]));
    }

    private static String text(String part) throws OidcException {
        return new String(bytes(part), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String part) throws OidcException {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new OidcException("the OpenID provider's ID token is not valid base64url");
        }
    }

    Algorithm algorithm() {
        return algorithm;
    }

    Optional<String> keyId() {
        return keyId;
    }

    void verifySignature(PublicKey key) throws OidcException {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(algorithm.signature);
            verifier.initVerify(key);
            verifier.update(signedPart);
            valid = verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            valid = false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.signature, e);
        }
        if (!valid) {
            throw new OidcException("the ID token's signature does not match the OpenID provider's key; the token was"
                    + " altered or not issued by the configured provider");
        }
    }

    /** Checks who issued the token, for whom, when, and for which login. */
    void checkClaims(String issuer, String clientId, String nonce, Instant now) throws OidcException {
        String tokenIssuer = claim("iss").orElse("");
        if (!tokenIssuer.equals(issuer)) {
            throw new OidcException("the ID token was issued by '" + tokenIssuer + "', not by the configured issuer '"
                    + issuer + "'");
        }
        List<String> audience = JsonFields.strings(claims, "aud");
        if (!audience.contains(clientId)) {
            throw new OidcException("the ID token is meant for " + audience + ", not for Breakwater's client id '"
                    + clientId + "'; check the client id setting");
        }
        Optional<String> party = claim("azp");
        if (audience.size() > 1 && party.isEmpty() || party.filter(p -> !p.equals(clientId)).isPresent()) {
            throw new OidcException("the ID token was issued to client '" + party.orElse("(not named)")
                    + "', not to Breakwater's client id '" + clientId + "'");
        }
        Instant expires = time("exp");
        if (now.isAfter(expires.plus(CLOCK_SKEW))) {
            throw new OidcException("the ID token expired at " + expires + "; log in again, and if this repeats check"
                    + " this server's clock");
        }
        Instant issued = time("iat");
        Instant validFrom = JsonFields.instant(claims, "nbf").filter(issued::isBefore).orElse(issued);
        if (validFrom.isAfter(now.plus(CLOCK_SKEW))) {
            throw new OidcException("the ID token is not valid before " + validFrom
                    + "; check the clocks of this server and the OpenID provider");
        }
        if (!MessageDigest.isEqual(claim("nonce").orElse("").getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8))) {
            throw new OidcException("the ID token does not belong to this login (its nonce differs); log in again");
        }
        if (claim("sub").filter(s -> !s.isEmpty()).isEmpty()) {
            throw new OidcException("the ID token names no subject ('sub')");
        }
    }

    /** A claim that is a string. */
    Optional<String> claim(String name) {
        return JsonFields.string(claims, name);
    }

    /** A claim that is a list of strings, or a single string. */
    List<String> claimList(String name) {
        return JsonFields.strings(claims, name);
    }

    private Instant time(String name) throws OidcException {
        return JsonFields.instant(claims, name)
                .orElseThrow(() -> new OidcException("the ID token has no valid '" + name + "' time"));
    }
}

package org.breakwater.auth.oidc;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;

/**
 * The provider's public signing keys, read from its JWKS document (RFC 7517, 7518): RSA keys
 * and EC keys on P-256, P-384 and P-521. Keys of other types, and keys meant for encryption,
 * are left out.
 */
final class JsonWebKeys {
    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1",
            "P-521", "secp521r1");

    private record Key(Optional<String> id, Optional<String> algorithm, PublicKey key) {
    }

    private final List<Key> keys;

    private JsonWebKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    static JsonWebKeys from(ObjectNode jwks) throws OidcException {
        List<Key> keys = new ArrayList<>();
        for (Node node : jwks.array("keys").orElseThrow(
                () -> new OidcException("the OpenID provider's key set (JWKS) has no 'keys' list")).items()) {
            if (node instanceof ObjectNode jwk && JsonFields.string(jwk, "use").orElse("sig").equals("sig")) {
                Optional<KeySpec> spec = spec(jwk);
                if (spec.isPresent()) {
                    keys.add(new Key(JsonFields.string(jwk, "kid"), JsonFields.string(jwk, "alg"),
                            publicKey(jwk, spec.get())));
                }
            }
        }
        return new JsonWebKeys(keys);
    }

    /**
     * The key for a token signed with {@code algorithm}: the one named {@code keyId}, or without
     * a key id the only key that fits.
     */
    Optional<PublicKey> find(Optional<String> keyId, IdToken.Algorithm algorithm) {
        List<PublicKey> fitting = keys.stream()
                .filter(k -> k.key().getAlgorithm().equals(algorithm.keyType))
                .filter(k -> k.algorithm().map(algorithm.name()::equals).orElse(true))
                .filter(k -> keyId.isEmpty() || k.id().equals(keyId))
                .map(Key::key)
                .toList();
        boolean found = keyId.isPresent() ? !fitting.isEmpty() : fitting.size() == 1;
        return found ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    /** The key's numbers, or empty for a type or curve Breakwater does not verify with. */
    private static Optional<KeySpec> spec(ObjectNode jwk) throws OidcException {
        String type = JsonFields.string(jwk, "kty").orElse("");
        if (type.equals("RSA")) {
            return Optional.of(new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e")));
        }
        String curve = CURVES.get(JsonFields.string(jwk, "crv").orElse(""));
        if (!type.equals("EC") || curve == null) {
            return Optional.empty();
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve));
            return Optional.of(new ECPublicKeySpec(new ECPoint(number(jwk, "x"), number(jwk, "y")),
                    parameters.getParameterSpec(ECParameterSpec.class)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks the standard curve " + curve, e);
        }
    }

    private static PublicKey publicKey(ObjectNode jwk, KeySpec spec) throws OidcException {
        try {
            return KeyFactory.getInstance(spec instanceof RSAPublicKeySpec ? "RSA" : "EC").generatePublic(spec);
        } catch (GeneralSecurityException e) {
            throw malformed(jwk);
        }
    }

    /** A base64url-encoded unsigned big-endian integer member ({@code n}, {@code e}, {@code x}, {@code y}). */
    private static BigInteger number(ObjectNode jwk, String member) throws OidcException {
        Optional<String> text = JsonFields.string(jwk, member);
        try {
            if (text.isPresent()) {
                return new BigInteger(1, Base64.getUrlDecoder().decode(text.get()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw malformed(jwk);
    }

    private static OidcException malformed(ObjectNode jwk) {
        return new OidcException("the OpenID provider's key set (JWKS) has a malformed key '"
                + JsonFields.string(jwk, "kid").orElse("without id") + "'");
    }
}

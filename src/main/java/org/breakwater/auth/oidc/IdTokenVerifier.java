package org.breakwater.auth.oidc;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Set;

/**
 * Verifies an ID token with Nimbus's {@link DefaultJWTProcessor}: a JWS (never {@code none},
 * never an HMAC, never encrypted) signed with one of {@link #ALGORITHMS} by the provider's key
 * that its {@code kid} names in the JWKS (Nimbus matches kid, key type, curve, use and alg),
 * with the claims {@link IdTokenClaims} checks. Failures become one-line {@link OidcException}s.
 */
final class IdTokenVerifier {
    /** Public-key algorithms only: the HMAC ones would make the client secret a signing key. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final JWKSource<SecurityContext> keys;
    private final Clock clock;

    IdTokenVerifier(JWKSource<SecurityContext> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The token's claims, once its signature and claims have passed for this issuer, client and login. */
    JWTClaimsSet verify(String compact, String issuer, String clientId, String nonce) throws OidcException {
        SignedJWT token = parse(compact);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new IdTokenClaims(issuer, clientId, nonce, clock));
        try {
            return processor.process(token, null);
        } catch (BadJWTException e) {
            throw new OidcException(e.getMessage());
        } catch (BadJWSException e) {
            throw new OidcException("the ID token's signature does not match the OpenID provider's key; the token was"
                    + " altered or not issued by the configured provider");
        } catch (BadJOSEException e) {
            throw new OidcException("the OpenID provider's key set has no " + token.getHeader().getAlgorithm()
                    + " key " + (token.getHeader().getKeyID() == null ? "without a key id"
                            : "'" + token.getHeader().getKeyID() + "'")
                    + " to check the ID token with");
        } catch (KeySourceException e) {
            throw keySetProblem(e);
        } catch (JOSEException e) {
            throw new OidcException("the ID token cannot be checked with the OpenID provider's key (" + e.getMessage()
                    + ")");
        }
    }

    /** The token as a JWS, refused early, with the algorithm named, if it is anything else. */
    private static SignedJWT parse(String compact) throws OidcException {
        try {
            Header header = Header.parse(JOSEObject.split(compact)[0]);
            if (!(header instanceof JWSHeader) || !ALGORITHMS.contains(header.getAlgorithm())) {
                throw new OidcException("the ID token is signed with '" + header.getAlgorithm().getName()
                        + "', which Breakwater refuses; have the OpenID provider sign ID tokens with RS256 or ES256");
            }
            if (header.getCriticalParams() != null) { // Nimbus refuses these too, as a bad signature
                throw new OidcException("the ID token needs JWS extensions Breakwater does not know ('crit')");
            }
            return SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw new OidcException("the OpenID provider's ID token is not a signed JWT");
        }
    }

    private static OidcException keySetProblem(KeySourceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OidcException o) {
                return o;
            }
        }
        return new OidcException("the OpenID provider's key set (JWKS) cannot be used (" + e.getMessage()
                + "); check the provider's jwks_uri");
    }
}

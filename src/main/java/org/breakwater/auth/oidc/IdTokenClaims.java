package org.breakwater.auth.oidc;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ID token's claims check (OpenID Connect Core 1.0, section 3.1.3.7) on Nimbus's
 * {@link DefaultJWTClaimsVerifier}: the library checks {@code iss} and {@code nonce} (exact),
 * {@code aud}, the required claims, and {@code exp} and {@code nbf} within {@link #CLOCK_SKEW}
 * of the injected clock. This class adds what OpenID Connect asks beyond JWT ({@code azp},
 * {@code iat} not in the future, a non-empty {@code sub}) and says in one line which check
 * failed.
 */
final class IdTokenClaims extends DefaultJWTClaimsVerifier<SecurityContext> {
    /** How far apart this server's clock and the provider's may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final String issuer;
    private final String clientId;
    private final String nonce;
    private final Clock clock;

    IdTokenClaims(String issuer, String clientId, String nonce, Clock clock) {
        super(Set.of(clientId), new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
                Set.of("sub", "exp", "iat"), Set.of());
        setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        this.issuer = issuer;
        this.clientId = clientId;
        this.nonce = nonce;
        this.clock = clock;
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        try {
            super.verify(claims, context);
        } catch (BadJWTException e) {
            throw new BadJWTException(explain(claims).orElse("the ID token was refused: " + e.getMessage()), e);
        }
        Optional<String> failure = oidcFailure(claims);
        if (failure.isPresent()) {
            throw new BadJWTException(failure.get());
        }
    }

    /** Which claim made the library refuse the token, in the order OpenID Connect lists the checks. */
    private Optional<String> explain(JWTClaimsSet claims) {
        String tokenIssuer = text(claims, "iss");
        if (!issuer.equals(tokenIssuer)) {
            return Optional.of("the ID token was issued by '" + tokenIssuer + "', not by the configured issuer '"
                    + issuer + "'");
        }
        List<String> audience = Optional.ofNullable(claims.getAudience()).orElse(List.of());
        if (!audience.contains(clientId)) {
            return Optional.of("the ID token is meant for " + audience + ", not for Breakwater's client id '"
                    + clientId + "'; check the client id setting");
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires != null && now.isAfter(expires.toInstant().plus(CLOCK_SKEW))) {
            return Optional.of("the ID token expired at " + expires.toInstant() + "; log in again, and if this repeats"
                    + " check this server's clock");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of(notYetValid(notBefore.toInstant()));
        }
        for (String name : List.of("exp", "iat")) {
            if (claims.getClaim(name) == null) {
                return Optional.of("the ID token has no valid '" + name + "' time");
            }
        }
        if (claims.getClaim("sub") == null) {
            return Optional.of("the ID token names no subject ('sub')");
        }
        if (!nonce.equals(text(claims, "nonce"))) {
            return Optional.of("the ID token does not belong to this login (its nonce differs); log in again");
        }
        return Optional.empty();
    }

    /** The checks OpenID Connect adds to those of a JWT. */
    private Optional<String> oidcFailure(JWTClaimsSet claims) {
        Optional<String> party = Optional.ofNullable(text(claims, "azp"));
        if (claims.getAudience().size() > 1 && party.isEmpty() || party.filter(p -> !p.equals(clientId)).isPresent()) {
            return Optional.of("the ID token was issued to client '" + party.orElse("(not named)")
                    + "', not to Breakwater's client id '" + clientId + "'");
        }
        Instant issued = claims.getIssueTime().toInstant();
        if (issued.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return Optional.of(notYetValid(issued));
        }
        String subject = text(claims, "sub");
        if (subject == null || subject.isEmpty()) {
            return Optional.of("the ID token names no subject ('sub')");
        }
        return Optional.empty();
    }

    private static String notYetValid(Instant from) {
        return "the ID token is not valid before " + from + "; check the clocks of this server and the OpenID provider";
    }

    /** A claim that is a string; null when absent or of another type. */
    static String text(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }
}

package org.breakwater.auth.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;

/**
 * The provider's signing keys as Nimbus's {@link JWKSource}: its JWKS document, fetched through
 * {@link ProviderHttp} (timeouts, size limit, no redirects), cached, and fetched again when a
 * token names a key the cached set lacks (a key rotation), so that a key the provider removed
 * stops counting at that fetch.
 */
final class ProviderKeys {
    /** How long a fetched key set is used before it is fetched again. */
    static final Duration CACHE = Duration.ofMinutes(5);

    /** A failed fetch, carrying the message for the user through Nimbus's exceptions. */
    static final class Unavailable extends IOException {
        private static final long serialVersionUID = 1L;

        Unavailable(OidcException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private ProviderKeys() {
    }

    /**
     * The key source for {@code jwksUri}. Not rate-limited: a token naming an unknown key
     * fetches the set again at once, as after a rotation (the token comes from the provider's
     * token endpoint over the back channel, one per finished login).
     */
    static JWKSource<SecurityContext> source(URI jwksUri, ProviderHttp http) throws OidcException {
        ResourceRetriever retriever = url -> {
            try {
                return new Resource(http.getText(url.toURI(), "the key set (JWKS)"), "application/json");
            } catch (OidcException e) {
                throw new Unavailable(e);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        };
        return JWKSourceBuilder.create(url(jwksUri), retriever)
                .cache(CACHE.toMillis(), ProviderHttp.TIMEOUT.toMillis())
                .refreshAheadCache(false)
                .rateLimited(false)
                .retrying(false)
                .outageTolerant(false)
                .build();
    }

    private static URL url(URI uri) throws OidcException {
        try {
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new OidcException("the OpenID provider's jwks_uri is not a URL: " + uri);
        }
    }
}

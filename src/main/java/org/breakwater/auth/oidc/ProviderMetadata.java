package org.breakwater.auth.oidc;

import java.net.URI;
import java.util.List;
import org.breakwater.apidiff.spec.ObjectNode;

/**
 * What Breakwater uses of the provider's discovery document (OpenID Connect Discovery 1.0).
 *
 * @param secretInBody whether the client secret goes in the token request's body
 *                     ({@code client_secret_post}) rather than a Basic header ({@code client_secret_basic})
 */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
        boolean secretInBody) {

    /** Reads {@code document}, which must name exactly {@code configuredIssuer} as its issuer. */
    static ProviderMetadata from(ObjectNode document, URI configuredIssuer) throws OidcException {
        String issuer = JsonFields.string(document, "issuer")
                .orElseThrow(() -> new OidcException("the OpenID provider's discovery document names no issuer"));
        if (!issuer.equals(configuredIssuer.toString())) {
            throw new OidcException("the OpenID provider calls itself '" + issuer + "' but Breakwater is configured with '"
                    + configuredIssuer + "'; set the issuer to exactly the provider's value");
        }
        List<String> methods = JsonFields.strings(document, "token_endpoint_auth_methods_supported");
        if (methods.isEmpty()) {
            methods = List.of("client_secret_basic"); // the specification's default
        }
        boolean basic = methods.contains("client_secret_basic");
        if (!basic && !methods.contains("client_secret_post")) {
            throw new OidcException("the OpenID provider takes no client secret at its token endpoint (it supports "
                    + String.join(", ", methods) + "); Breakwater needs client_secret_basic or client_secret_post");
        }
        // an https provider must not send the client secret or the keys over plain http
        String scheme = configuredIssuer.getScheme();
        return new ProviderMetadata(issuer, endpoint(document, "authorization_endpoint", scheme),
                endpoint(document, "token_endpoint", scheme), endpoint(document, "jwks_uri", scheme), !basic);
    }

    private static URI endpoint(ObjectNode document, String key, String scheme) throws OidcException {
        String text = JsonFields.string(document, key).orElseThrow(
                () -> new OidcException("the OpenID provider's discovery document has no " + key));
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || scheme.equals(uri.getScheme()))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new OidcException("the OpenID provider's " + key + " is not an " + scheme + " URL: " + text);
    }
}

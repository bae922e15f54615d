package org.breakwater.auth.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * What Breakwater uses of the provider's discovery document (OpenID Connect Discovery 1.0).
 *
 * @param secretInBody whether the client secret goes in the token request's body
 *                     ({@code client_secret_post}) rather than a Basic header ({@code client_secret_basic})
 */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
        boolean secretInBody) {

    /** Reads {@code document}, which must name exactly {@code configuredIssuer} as its issuer. */
    static ProviderMetadata from(Map<String, Object> document, URI configuredIssuer) throws OidcException {
        String issuer = string(document, "issuer");
        if (issuer == null) {
            throw new OidcException("the OpenID provider's discovery document names no issuer");
        }
        if (!issuer.equals(configuredIssuer.toString())) {
            throw new OidcException("the OpenID provider calls itself '" + issuer + "' but Breakwater is configured with '"
                    + configuredIssuer + "'; set the issuer to exactly the provider's value");
        }
        List<String> methods = strings(document, "token_endpoint_auth_methods_supported");
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

    /** A member that is a string; null when absent or of another type. */
    static String string(Map<String, Object> object, String key) {
        try {
            return JSONObjectUtils.getString(object, key);
        } catch (ParseException e) {
            return null;
        }
    }

    /** A member that is a list of strings; empty when absent or of another type. */
    private static List<String> strings(Map<String, Object> object, String key) {
        try {
            List<String> list = JSONObjectUtils.getStringList(object, key);
            return list == null ? List.of() : list;
        } catch (ParseException e) {
            return List.of();
        }
    }

    private static URI endpoint(Map<String, Object> document, String key, String scheme) throws OidcException {
        String text = string(document, key);
        if (text == null) {
            throw new OidcException("the OpenID provider's discovery document has no " + key);
        }
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

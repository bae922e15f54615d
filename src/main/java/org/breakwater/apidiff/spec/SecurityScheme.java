package org.breakwater.apidiff.spec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A security scheme. {@code type} is apiKey, http, oauth2, openIdConnect or mutualTLS
 * (Swagger 2.0's basic becomes http with scheme basic). {@code flows} maps each OAuth2
 * flow to its scopes.
 */
public record SecurityScheme(String name, String type, Optional<String> in, Optional<String> parameterName,
                             Optional<String> scheme, Map<String, Set<String>> flows,
                             Optional<String> tokenUrl, Source source) {
    public SecurityScheme {
        java.util.Map<String, Set<String>> copy = new java.util.TreeMap<>();
        flows.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        flows = java.util.Collections.unmodifiableMap(copy);
    }
}

package org.breakwater.apidiff.spec;

import java.util.Map;
import java.util.Optional;

/**
 * An OpenAPI 3 link of a response: which operation a value of the response leads to, and
 * how. Nothing of it travels on the wire; clients and tools that follow links read it here.
 *
 * @param target     the operationId, or the operationRef, the link leads to
 * @param parameters parameter name → runtime expression or value, as canonical JSON text
 * @param requestBody the request body's expression or value, as canonical JSON text
 * @param server     the URL of the link's own server
 */
public record Link(String name, String target, Map<String, String> parameters, Optional<String> requestBody,
                   Optional<String> server, Source source) {
    public Link {
        parameters = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
    }
}

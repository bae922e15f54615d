package org.breakwater.apidiff.spec;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation (method + path). Path-level parameters are merged in; {@code security} is
 * empty when the operation inherits the document's requirement.
 *
 * @param sunset    the {@code x-sunset} date after which the operation may be removed
 * @param servers   the operation's own servers (OpenAPI 3: the operation's, else its path item's);
 *                  empty when it is served from the document's servers
 * @param callbacks OpenAPI 3 callbacks: requests the API sends, keyed "name METHOD expression"
 */
public record Operation(String method, String path, Optional<String> operationId, Optional<String> summary,
                        boolean deprecated, Optional<LocalDate> sunset, List<Parameter> parameters,
                        Optional<RequestBody> requestBody, Map<String, Response> responses,
                        Optional<List<SecurityRequirement>> security, Source source, List<Server> servers,
                        Map<String, Operation> callbacks) {
    public Operation {
        parameters = List.copyOf(parameters);
        responses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responses));
        security = security.map(List::copyOf);
        servers = List.copyOf(servers);
        callbacks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(callbacks));
    }

    /** An operation served from the document's servers, without callbacks. */
    public Operation(String method, String path, Optional<String> operationId, Optional<String> summary,
                     boolean deprecated, Optional<LocalDate> sunset, List<Parameter> parameters,
                     Optional<RequestBody> requestBody, Map<String, Response> responses,
                     Optional<List<SecurityRequirement>> security, Source source) {
        this(method, path, operationId, summary, deprecated, sunset, parameters, requestBody, responses, security,
                source, List.of(), Map.of());
    }

    /** This operation served from {@code own} (its path item's servers, when it has none itself). */
    public Operation withServers(List<Server> own) {
        return new Operation(method, path, operationId, summary, deprecated, sunset, parameters, requestBody,
                responses, security, source, own, callbacks);
    }

    /** "GET /packages/{name}". */
    public String label() {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }

    /** Matching key: method and path with parameter names erased, so renaming {id} to {name} is no removal. */
    public String key() {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + normalisePath(path);
    }

    /**
     * The key of an operation written as {@code "METHOD /path"} ({@code "get /packages/{name}/"}
     * → {@code "GET /packages/{}"}), as {@link #key()} makes it; text without a space is kept.
     */
    public static String keyOf(String operation) {
        int space = operation.indexOf(' ');
        return space < 0 ? operation : operation.substring(0, space).toUpperCase(java.util.Locale.ROOT) + " "
                + normalisePath(operation.substring(space + 1));
    }

    public static String normalisePath(String path) {
        String p = path.replaceAll("\\{[^}/]*}", "{}");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}

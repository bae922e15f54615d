package org.breakwater.apidiff.spec;

import java.util.List;
import java.util.Map;

/**
 * An API description, read and normalised: whatever the input format, the comparison sees
 * this one model.
 *
 * @param operations by {@link Operation#key()}, in document order
 * @param schemas    every schema reached through a {@code $ref}, by canonical reference
 * @param security   the document-wide security requirement (alternatives)
 * @param webhooks   OpenAPI 3.1 webhooks, by {@link Operation#key()} (webhook name for path)
 */
public record ApiSpec(SpecVersion version, String file, String title, String apiVersion, List<Server> servers,
                      Map<String, Operation> operations, Map<String, Schema> schemas,
                      Map<String, SecurityScheme> securitySchemes, List<SecurityRequirement> security,
                      Map<String, Operation> webhooks) {
    public ApiSpec {
        servers = List.copyOf(servers);
        operations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operations));
        schemas = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(schemas));
        securitySchemes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(securitySchemes));
        security = List.copyOf(security);
        webhooks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(webhooks));
    }

    /** The schema a reference stands for, following chains of references. */
    public Schema resolve(Schema schema) {
        Schema s = schema;
        for (int hops = 0; s.isReference() && hops < 64; hops++) {
            Schema target = schemas.get(s.ref().get());
            if (target == null) {
                return Schema.any(s.source());
            }
            s = target;
        }
        return s.isReference() ? Schema.any(s.source()) : s;
    }
}

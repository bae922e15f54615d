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
 * @param extensible the schemas marked open for new values ({@code x-extensible-enum}, or
 *                   {@code x-extensible: true}), by {@link #key(Source)} of their source
 */
public record ApiSpec(SpecVersion version, String file, String title, String apiVersion, List<Server> servers,
                      Map<String, Operation> operations, Map<String, Schema> schemas,
                      Map<String, SecurityScheme> securitySchemes, List<SecurityRequirement> security,
                      Map<String, Operation> webhooks, java.util.Set<String> extensible) {
    public ApiSpec {
        servers = List.copyOf(servers);
        operations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operations));
        schemas = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(schemas));
        securitySchemes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(securitySchemes));
        security = List.copyOf(security);
        webhooks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(webhooks));
        extensible = java.util.Set.copyOf(extensible);
    }

    /** A description with no schema marked extensible. */
    public ApiSpec(SpecVersion version, String file, String title, String apiVersion, List<Server> servers,
                   Map<String, Operation> operations, Map<String, Schema> schemas,
                   Map<String, SecurityScheme> securitySchemes, List<SecurityRequirement> security,
                   Map<String, Operation> webhooks) {
        this(version, file, title, apiVersion, servers, operations, schemas, securitySchemes, security, webhooks,
                java.util.Set.of());
    }

    /** True when the schema written at {@code source} is marked open for new values. */
    public boolean extensible(Source source) {
        return !extensible.isEmpty() && extensible.contains(key(source));
    }

    static String key(Source source) {
        return source.file() + "#" + source.pointer();
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

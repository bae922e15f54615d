package org.breakwater.apidiff.spec;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A schema, normalised across Swagger 2.0, OpenAPI 3.0 and 3.1: {@code nullable} and 3.1
 * type arrays both become a set of JSON types ("null" included), {@code const} becomes a
 * one-value enum, exclusive bounds become {@link Limit}s. A {@code $ref} is kept as a
 * reference ({@link #ref()}, a key into {@link ApiSpec#schemas()}) so recursive schemas
 * stay finite.
 *
 * @param enumValues   allowed values as canonical JSON text, if the schema lists them
 * @param defaultValue the default as canonical JSON text
 * @param closed       {@code additionalProperties: false}
 * @param additionalProperties the schema of members not named in {@code properties}
 * @param keywords2020 the JSON Schema 2020-12 keywords and {@code not}; {@link Keywords2020#NONE} for most
 */
public record Schema(
        Source source,
        Optional<String> ref,
        Set<String> types,
        Optional<String> format,
        Optional<List<String>> enumValues,
        Optional<String> defaultValue,
        Map<String, Schema> properties,
        Set<String> required,
        boolean closed,
        Optional<Schema> additionalProperties,
        Optional<Schema> items,
        Map<Constraint, Limit> limits,
        Optional<String> pattern,
        boolean uniqueItems,
        boolean readOnly,
        boolean writeOnly,
        boolean deprecated,
        Optional<Discriminator> discriminator,
        List<Schema> allOf,
        List<Schema> oneOf,
        List<Schema> anyOf,
        Optional<String> title,
        Keywords2020 keywords2020) {

    /** A schema without JSON Schema 2020-12 keywords or {@code not}. */
    public Schema(Source source, Optional<String> ref, Set<String> types, Optional<String> format,
                  Optional<List<String>> enumValues, Optional<String> defaultValue, Map<String, Schema> properties,
                  Set<String> required, boolean closed, Optional<Schema> additionalProperties, Optional<Schema> items,
                  Map<Constraint, Limit> limits, Optional<String> pattern, boolean uniqueItems, boolean readOnly,
                  boolean writeOnly, boolean deprecated, Optional<Discriminator> discriminator, List<Schema> allOf,
                  List<Schema> oneOf, List<Schema> anyOf, Optional<String> title) {
        this(source, ref, types, format, enumValues, defaultValue, properties, required, closed, additionalProperties,
                items, limits, pattern, uniqueItems, readOnly, writeOnly, deprecated, discriminator, allOf, oneOf, anyOf,
                title, Keywords2020.NONE);
    }

    public Schema {
        java.util.Objects.requireNonNull(keywords2020);
        types = Set.copyOf(types);
        enumValues = enumValues.map(List::copyOf);
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        required = Set.copyOf(required);
        limits = limits.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(limits));
        allOf = List.copyOf(allOf);
        oneOf = List.copyOf(oneOf);
        anyOf = List.copyOf(anyOf);
    }

    /** A {@code $ref} to the schema stored under {@code key}. */
    public static Schema reference(String key, Source source) {
        return new Schema(source, Optional.of(key), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Set.of(), false, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                false, false, false, false, Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    /** The empty schema: anything is valid. */
    public static Schema any(Source source) {
        return new Schema(source, Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Set.of(), false, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                false, false, false, false, Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    public boolean isReference() {
        return ref.isPresent();
    }

    public boolean nullable() {
        return types.contains("null");
    }

    /** The types other than "null"; empty when any type is allowed. */
    public Set<String> valueTypes() {
        if (!types.contains("null")) {
            return types;
        }
        java.util.Set<String> t = new java.util.TreeSet<>(types);
        t.remove("null");
        return t;
    }
}

package org.breakwater.apidiff.spec;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords of a schema that OpenAPI 3.1 takes from JSON Schema 2020-12 (and {@code not},
 * which 3.0 has too), read beside the ones {@link Schema} holds itself. A boolean subschema
 * is read as {@link Schema#any} ({@code true}) or as a schema nothing matches ({@code false}).
 * Most schemas use none of them and share {@link #NONE}.
 *
 * @param minContains       written value; absent means 1 wherever {@code contains} applies
 * @param dependentRequired member name → members required when it is present
 * @param ifSchema          {@code if}; only counts with a {@code then} or an {@code else}
 * @param extensibleEnum    the values of {@code x-extensible-enum} (Zalando's open enum: the known values, which
 *                          responses may extend and requests must keep), as canonical JSON text; read in every
 *                          version, kept here because most schemas have none
 */
public record Keywords2020(
        Optional<Schema> contains, Optional<BigDecimal> minContains, Optional<BigDecimal> maxContains,
        List<Schema> prefixItems,
        Map<String, Set<String>> dependentRequired, Map<String, Schema> dependentSchemas,
        Optional<Schema> ifSchema, Optional<Schema> thenSchema, Optional<Schema> elseSchema,
        Map<String, Schema> patternProperties, Optional<Schema> propertyNames,
        Optional<Schema> unevaluatedItems, Optional<Schema> unevaluatedProperties,
        Optional<String> contentEncoding, Optional<String> contentMediaType, Optional<Schema> contentSchema,
        Optional<Schema> not, Optional<List<String>> extensibleEnum) {

    public static final Keywords2020 NONE = new Keywords2020(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public Keywords2020 {
        extensibleEnum = extensibleEnum.map(List::copyOf);
        prefixItems = List.copyOf(prefixItems);
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        dependentRequired.forEach((k, v) -> deps.put(k, Set.copyOf(v)));
        dependentRequired = Collections.unmodifiableMap(deps);
        dependentSchemas = Collections.unmodifiableMap(new LinkedHashMap<>(dependentSchemas));
        patternProperties = Collections.unmodifiableMap(new LinkedHashMap<>(patternProperties));
    }

    /** Only {@code not}: what a 3.0 or Swagger 2.0 schema can hold of these. */
    Keywords2020 withNot(Optional<Schema> schema) {
        return new Keywords2020(contains, minContains, maxContains, prefixItems, dependentRequired, dependentSchemas,
                ifSchema, thenSchema, elseSchema, patternProperties, propertyNames, unevaluatedItems,
                unevaluatedProperties, contentEncoding, contentMediaType, contentSchema, schema, extensibleEnum);
    }

    /** These keywords with the values of {@code x-extensible-enum}. */
    Keywords2020 withExtensibleEnum(Optional<List<String>> values) {
        if (values.isEmpty() && extensibleEnum.isEmpty()) {
            return this;
        }
        return new Keywords2020(contains, minContains, maxContains, prefixItems, dependentRequired, dependentSchemas,
                ifSchema, thenSchema, elseSchema, patternProperties, propertyNames, unevaluatedItems,
                unevaluatedProperties, contentEncoding, contentMediaType, contentSchema, not, values);
    }

    /** True when {@code if} counts: it has a branch to select. */
    public boolean conditional() {
        return ifSchema.isPresent() && (thenSchema.isPresent() || elseSchema.isPresent());
    }

    /**
     * These keywords, each absent one taken from {@code other}: an allOf member's keywords
     * folded into the schema that composes it.
     */
    public Keywords2020 orElse(Keywords2020 other) {
        if (other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        Map<String, Set<String>> deps = new LinkedHashMap<>(other.dependentRequired);
        deps.putAll(dependentRequired);
        Map<String, Schema> depSchemas = new LinkedHashMap<>(other.dependentSchemas);
        depSchemas.putAll(dependentSchemas);
        Map<String, Schema> patterns = new LinkedHashMap<>(other.patternProperties);
        patterns.putAll(patternProperties);
        boolean ownIf = ifSchema.isPresent();
        return new Keywords2020(contains.or(other::contains), minContains.or(other::minContains),
                maxContains.or(other::maxContains), prefixItems.isEmpty() ? other.prefixItems : prefixItems, deps,
                depSchemas, ownIf ? ifSchema : other.ifSchema, ownIf ? thenSchema : other.thenSchema,
                ownIf ? elseSchema : other.elseSchema, patterns, propertyNames.or(other::propertyNames),
                unevaluatedItems.or(other::unevaluatedItems), unevaluatedProperties.or(other::unevaluatedProperties),
                contentEncoding.or(other::contentEncoding), contentMediaType.or(other::contentMediaType),
                contentSchema.or(other::contentSchema), not.or(other::not), extensibleEnum.or(other::extensibleEnum));
    }

    /** True for the schema {@code false}: no value matches it. */
    public static boolean refusesAll(Schema s) {
        return s.types().equals(Set.of("never"));
    }
}

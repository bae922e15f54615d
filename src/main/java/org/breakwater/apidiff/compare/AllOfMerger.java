package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Constraint;
import org.breakwater.apidiff.spec.Keywords2020;
import org.breakwater.apidiff.spec.Limit;
import org.breakwater.apidiff.spec.Schema;

/**
 * Folds a schema's allOf members into one schema. Used when one version composes a type
 * with allOf and the other writes the same members out (a common refactoring), so the two
 * are compared by what they accept rather than by how they are spelled. Members' members
 * are folded too; a member that refers back to a schema being folded is skipped.
 */
final class AllOfMerger {
    private static final int MAX_DEPTH = 16;

    private AllOfMerger() {
    }

    static Schema merge(Schema schema, ApiSpec spec) {
        return merge(schema, spec, new HashSet<>(), 0);
    }

    private static Schema merge(Schema schema, ApiSpec spec, Set<String> folding, int depth) {
        if (schema.allOf().isEmpty() || depth > MAX_DEPTH) {
            return schema;
        }
        Set<String> types = new LinkedHashSet<>(schema.types());
        Map<String, Schema> properties = new LinkedHashMap<>(schema.properties());
        Set<String> required = new LinkedHashSet<>(schema.required());
        Map<Constraint, Limit> limits = new EnumMap<>(Constraint.class);
        limits.putAll(schema.limits());
        boolean closed = schema.closed();
        Optional<Schema> additional = schema.additionalProperties();
        Optional<Schema> items = schema.items();
        Optional<String> format = schema.format();
        Optional<List<String>> enumValues = schema.enumValues();
        Optional<String> pattern = schema.pattern();
        List<Schema> oneOf = new ArrayList<>(schema.oneOf());
        List<Schema> anyOf = new ArrayList<>(schema.anyOf());
        var discriminator = schema.discriminator();
        Keywords2020 keywords2020 = schema.keywords2020();
        for (Schema member : schema.allOf()) {
            if (member.ref().isPresent() && !folding.add(member.ref().get())) {
                continue;
            }
            Schema m = merge(spec.resolve(member), spec, folding, depth + 1);
            member.ref().ifPresent(folding::remove);
            if (!m.types().isEmpty()) {
                if (types.isEmpty()) {
                    types.addAll(m.types());
                } else {
                    types.retainAll(m.types());
                }
            }
            m.properties().forEach(properties::putIfAbsent);
            required.addAll(m.required());
            m.limits().forEach(limits::putIfAbsent);
            closed |= m.closed();
            additional = additional.or(m::additionalProperties);
            items = items.or(m::items);
            format = format.or(m::format);
            enumValues = enumValues.or(m::enumValues);
            pattern = pattern.or(m::pattern);
            discriminator = discriminator.or(m::discriminator);
            keywords2020 = keywords2020.orElse(m.keywords2020());
            oneOf.addAll(m.oneOf());
            anyOf.addAll(m.anyOf());
        }
        return new Schema(schema.source(), Optional.empty(), types, format, enumValues, schema.defaultValue(),
                properties, required, closed, additional, items, limits, pattern, schema.uniqueItems(),
                schema.readOnly(), schema.writeOnly(), schema.deprecated(), discriminator, List.of(), oneOf, anyOf,
                schema.title(), keywords2020);
    }
}

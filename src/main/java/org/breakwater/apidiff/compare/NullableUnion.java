package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Keywords2020;
import org.breakwater.apidiff.spec.Schema;

/**
 * OpenAPI 3.1's way to write "nullable X": {@code oneOf} or {@code anyOf} of exactly two
 * members, {@code {type: "null"}} (or {@code const: null}) and X, in either order, with no
 * other keyword beside them that limits the value. It reads as X with null allowed, the same
 * as {@code type: [X, "null"]} or 3.0's {@code nullable: true}, so the comparison unwraps it
 * instead of pairing members (which reported X's members as removed).
 */
final class NullableUnion {
    private static final List<String> NULL_ONLY = List.of("null");

    private NullableUnion() {
    }

    /** X, if {@code s} is written as a union of null and X; empty for any other schema. */
    static Optional<Schema> member(Schema s) {
        List<Schema> members = s.oneOf().isEmpty() ? s.anyOf() : s.anyOf().isEmpty() ? s.oneOf() : List.of();
        if (members.size() != 2 || s.isReference() || !limitsNothingElse(s)) {
            return Optional.empty();
        }
        boolean first = isNull(members.get(0));
        boolean second = isNull(members.get(1));
        if (first == second) {
            return Optional.empty();
        }
        return Optional.of(overlay(members.get(first ? 1 : 0), s));
    }

    /** True for {@code {type: "null"}}, {@code const: null} and {@code enum: [null]}. */
    static boolean isNull(Schema s) {
        boolean nullType = s.types().equals(Set.of("null")) && s.enumValues().map(NULL_ONLY::equals).orElse(true);
        boolean nullValue = s.types().isEmpty() && s.enumValues().map(NULL_ONLY::equals).orElse(false);
        return !s.isReference() && (nullType || nullValue) && s.properties().isEmpty() && s.items().isEmpty()
                && s.allOf().isEmpty() && s.oneOf().isEmpty() && s.anyOf().isEmpty()
                && s.keywords2020().equals(Keywords2020.NONE);
    }

    /**
     * Reports a change of nullability between a union with null and a plain schema: exactly one
     * of {@code plainOld} and {@code plainNew} is given (resolved), the other side being the
     * union. A schema of no type already allowed null, so it changes nothing.
     */
    static void nullability(Schema plainOld, Schema plainNew, Schema at, Scope scope, String path, List<Change> out) {
        if (plainOld != null && !plainOld.nullable() && !plainOld.types().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.BECAME_NULLABLE, at, false, path, "null is now allowed");
        } else if (plainNew != null && !plainNew.nullable() && !plainNew.types().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.BECAME_NOT_NULLABLE, at, false, path, "null is no longer allowed");
        }
    }

    private static boolean limitsNothingElse(Schema s) {
        return s.types().isEmpty() && s.properties().isEmpty() && s.items().isEmpty() && s.enumValues().isEmpty()
                && s.allOf().isEmpty() && s.limits().isEmpty() && s.pattern().isEmpty() && s.format().isEmpty()
                && s.discriminator().isEmpty() && !s.closed() && s.additionalProperties().isEmpty()
                && s.keywords2020().equals(Keywords2020.NONE);
    }

    /**
     * {@code s} without null: its types and enum values less "null". Both sides of a pair are
     * read this way once either is a union with null, and nullability is compared apart. A
     * reference, and a schema that allows only null, stay as they are.
     */
    static Schema withoutNull(Schema s) {
        if (s.isReference() || !s.nullable() || s.valueTypes().isEmpty()) {
            return s;
        }
        Optional<List<String>> values = s.enumValues().map(v -> {
            List<String> rest = new ArrayList<>(v);
            rest.remove("null");
            return rest;
        });
        return copy(s, s.valueTypes(), values, s.readOnly(), s.writeOnly(), s.deprecated());
    }

    /** X with the flags written beside the union (readOnly, writeOnly, deprecated); a reference stays one. */
    private static Schema overlay(Schema x, Schema union) {
        boolean readOnly = x.readOnly() || union.readOnly();
        boolean writeOnly = x.writeOnly() || union.writeOnly();
        boolean deprecated = x.deprecated() || union.deprecated();
        if (x.isReference() || (readOnly == x.readOnly() && writeOnly == x.writeOnly() && deprecated == x.deprecated())) {
            return x;
        }
        return copy(x, x.types(), x.enumValues(), readOnly, writeOnly, deprecated);
    }

    private static Schema copy(Schema s, Set<String> types, Optional<List<String>> values, boolean readOnly,
                               boolean writeOnly, boolean deprecated) {
        return new Schema(s.source(), s.ref(), new TreeSet<>(types), s.format(), values, s.defaultValue(),
                s.properties(), s.required(), s.closed(), s.additionalProperties(), s.items(), s.limits(), s.pattern(),
                s.uniqueItems(), readOnly, writeOnly, deprecated, s.discriminator(), s.allOf(), s.oneOf(), s.anyOf(),
                s.title(), s.keywords2020());
    }
}

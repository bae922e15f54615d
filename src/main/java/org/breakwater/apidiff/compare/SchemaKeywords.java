package org.breakwater.apidiff.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Constraint;
import org.breakwater.apidiff.spec.Limit;
import org.breakwater.apidiff.spec.Schema;

/**
 * The keywords of a schema that limit a value — type, nullability, format, enum, default,
 * bounds, pattern, flags — compared for one pair of schemas. Structure (properties, items,
 * composition), references and the discriminator ({@link Discriminators}) are
 * {@link SchemaComparator}'s.
 */
final class SchemaKeywords {
    private SchemaKeywords() {
    }

    /** Compares the keywords of two schemas that limit a value, leaving out its structure. */
    static void compare(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        types(o, n, scope, path, out);
        if (!o.nullable() && n.nullable() && !o.types().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.BECAME_NULLABLE, n, false, path, "null is now allowed");
        } else if (o.nullable() && !n.nullable() && !n.types().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.BECAME_NOT_NULLABLE, n, false, path, "null is no longer allowed");
        }
        format(o, n, scope, path, out);
        enums(o, n, scope, path, out);
        defaults(o, n, scope, path, out);
        for (Constraint c : Constraint.values()) {
            limit(c, o.limits().get(c), n.limits().get(c), o, n, scope, path, out);
        }
        pattern(o, n, scope, path, out);
        if (!o.uniqueItems() && n.uniqueItems()) {
            SchemaComparator.add(out, scope, SchemaChange.UNIQUE_ITEMS_ADDED, n, false, path, "array items must now be unique");
        } else if (o.uniqueItems() && !n.uniqueItems()) {
            SchemaComparator.add(out, scope, SchemaChange.UNIQUE_ITEMS_REMOVED, n, false, path, "array items may now repeat");
        }
        if (!o.readOnly() && n.readOnly()) {
            SchemaComparator.add(out, scope, SchemaChange.BECAME_READ_ONLY, n, false, path, "became read-only");
        } else if (o.readOnly() && !n.readOnly()) {
            SchemaComparator.add(out, scope, SchemaChange.READ_ONLY_REMOVED, n, false, path, "is no longer read-only");
        }
        if (!o.writeOnly() && n.writeOnly()) {
            SchemaComparator.add(out, scope, SchemaChange.BECAME_WRITE_ONLY, n, false, path, "became write-only");
        } else if (o.writeOnly() && !n.writeOnly()) {
            SchemaComparator.add(out, scope, SchemaChange.WRITE_ONLY_REMOVED, n, false, path, "is no longer write-only");
        }
        if (!o.deprecated() && n.deprecated()) {
            SchemaComparator.add(out, scope, SchemaChange.DEPRECATED, n, false, path, "is now deprecated");
        }
    }

    private static void types(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.types().equals(n.types())) {
            return; // the common case, without building the sets of value types
        }
        Set<String> ot = o.valueTypes();
        Set<String> nt = n.valueTypes();
        if (ot.equals(nt)) {
            return;
        }
        boolean newAcceptsOld = accepts(nt, ot);
        boolean oldAcceptsNew = accepts(ot, nt);
        String detail = "type " + typeText(ot) + " → " + typeText(nt);
        if (newAcceptsOld && !oldAcceptsNew) {
            SchemaComparator.add(out, scope, SchemaChange.TYPE_WIDENED, n, false, path, detail);
        } else if (oldAcceptsNew && !newAcceptsOld) {
            SchemaComparator.add(out, scope, SchemaChange.TYPE_NARROWED, n, false, path, detail);
        } else if (!newAcceptsOld) {
            SchemaComparator.add(out, scope, SchemaChange.TYPE_CHANGED, n, false, path, detail);
        }
    }

    /** True when a value of any type in {@code inner} is accepted by {@code outer}. */
    private static boolean accepts(Set<String> outer, Set<String> inner) {
        if (outer.isEmpty()) {
            return true;
        }
        if (inner.isEmpty()) {
            return false;
        }
        for (String t : inner) {
            if (!outer.contains(t) && !(t.equals("integer") && outer.contains("number"))) {
                return false;
            }
        }
        return true;
    }

    private static String typeText(Set<String> types) {
        if (types.isEmpty()) {
            return "any";
        }
        return types.size() == 1 ? types.iterator().next() : new java.util.TreeSet<>(types).toString();
    }

    private static void format(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        Optional<String> of = o.format();
        Optional<String> nf = n.format();
        if (of.equals(nf)) {
            return;
        }
        if (of.isPresent() && nf.isPresent()) {
            SchemaComparator.add(out, scope, SchemaChange.FORMAT_CHANGED, n, false, path, "format " + of.get() + " → " + nf.get());
        } else if (nf.isPresent()) {
            SchemaComparator.add(out, scope, SchemaChange.FORMAT_ADDED, n, false, path, "format " + nf.get() + " added");
        } else {
            SchemaComparator.add(out, scope, SchemaChange.FORMAT_REMOVED, n, false, path, "format " + of.get() + " removed");
        }
    }

    private static void enums(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.enumValues().isEmpty() && n.enumValues().isEmpty()) {
            return;
        }
        if (o.enumValues().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.ENUM_ADDED, n, false, path, "now limited to " + list(n.enumValues().get()));
            return;
        }
        if (n.enumValues().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.ENUM_REMOVED, n, false, path, "no longer limited to " + list(o.enumValues().get()));
            return;
        }
        Set<String> before = new LinkedHashSet<>(o.enumValues().get());
        Set<String> after = new LinkedHashSet<>(n.enumValues().get());
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        if (!removed.isEmpty() && !added.isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.ENUM_VALUES_REPLACED, n, false, path,
                    "values removed: " + list(removed) + "; values added: " + list(added));
            return;
        }
        if (!removed.isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.ENUM_VALUE_REMOVED, n, false, path, "values removed: " + list(removed));
        }
        if (!added.isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.ENUM_VALUE_ADDED, n, false, path, "values added: " + list(added));
        }
    }

    private static String list(java.util.Collection<String> values) {
        if (values.size() <= 12) {
            return String.join(", ", values);
        }
        List<String> head = new ArrayList<>(values).subList(0, 10);
        return String.join(", ", head) + " and " + (values.size() - 10) + " more";
    }

    private static void defaults(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.defaultValue().equals(n.defaultValue())) {
            return;
        }
        if (o.defaultValue().isPresent() && n.defaultValue().isPresent()) {
            SchemaComparator.add(out, scope, SchemaChange.DEFAULT_CHANGED, n, false, path,
                    "default " + o.defaultValue().get() + " → " + n.defaultValue().get());
        } else if (n.defaultValue().isPresent()) {
            SchemaComparator.add(out, scope, SchemaChange.DEFAULT_ADDED, n, false, path, "default " + n.defaultValue().get() + " added");
        } else {
            SchemaComparator.add(out, scope, SchemaChange.DEFAULT_REMOVED, n, false, path, "default " + o.defaultValue().get() + " removed");
        }
    }

    private static void limit(Constraint c, Limit ol, Limit nl, Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (Objects.equals(ol, nl) || (ol != null && nl != null && ol.exclusive() == nl.exclusive()
                && ol.value().compareTo(nl.value()) == 0)) {
            return;
        }
        String k = c.keyword();
        if (ol == null) {
            SchemaComparator.add(out, scope, SchemaChange.bound(c, SchemaChange.Move.ADDED), n, false, path, k + " " + nl + " added");
            return;
        }
        if (nl == null) {
            SchemaComparator.add(out, scope, SchemaChange.bound(c, SchemaChange.Move.REMOVED), n, false, path, k + " " + ol + " removed");
            return;
        }
        String detail = k + " " + ol + " → " + nl;
        int cmp = nl.value().compareTo(ol.value());
        SchemaChange.Move move;
        switch (c.bound()) {
            case UPPER -> move = cmp < 0 || (cmp == 0 && nl.exclusive()) ? SchemaChange.Move.TIGHTENED : SchemaChange.Move.LOOSENED;
            case LOWER -> move = cmp > 0 || (cmp == 0 && nl.exclusive()) ? SchemaChange.Move.TIGHTENED : SchemaChange.Move.LOOSENED;
            default -> {
                if (isMultiple(nl.value(), ol.value())) {
                    move = SchemaChange.Move.TIGHTENED;
                } else if (isMultiple(ol.value(), nl.value())) {
                    move = SchemaChange.Move.LOOSENED;
                } else {
                    SchemaComparator.add(out, scope, SchemaChange.MULTIPLE_OF_CHANGED, n, false, path, detail);
                    return;
                }
            }
        }
        SchemaComparator.add(out, scope, SchemaChange.bound(c, move), n, false, path, detail);
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal of) {
        return of.signum() != 0 && value.remainder(of).signum() == 0;
    }

    private static void pattern(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.pattern().equals(n.pattern())) {
            return;
        }
        if (o.pattern().isPresent() && n.pattern().isPresent()) {
            SchemaChange change = Patterns.disjoint(o.pattern().get(), n.pattern().get())
                    ? SchemaChange.PATTERN_REPLACED : SchemaChange.PATTERN_CHANGED;
            SchemaComparator.add(out, scope, change, n, false, path, "pattern " + o.pattern().get() + " → " + n.pattern().get());
        } else if (n.pattern().isPresent()) {
            SchemaComparator.add(out, scope, SchemaChange.PATTERN_ADDED, n, false, path, "pattern " + n.pattern().get() + " added");
        } else {
            SchemaComparator.add(out, scope, SchemaChange.PATTERN_REMOVED, n, false, path, "pattern " + o.pattern().get() + " removed");
        }
    }
}

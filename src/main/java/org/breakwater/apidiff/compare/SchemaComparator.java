package org.breakwater.apidiff.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.rule.Direction;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Constraint;
import org.breakwater.apidiff.spec.Limit;
import org.breakwater.apidiff.spec.Schema;

/**
 * Compares two schemas recursively, judging each change by the direction its scope gives.
 * A pair of referenced components is compared once per scope and the result reused for
 * every operation that uses it; a pair already being compared (a recursive schema) is not
 * entered again.
 */
final class SchemaComparator {
    private static final int MAX_DEPTH = 256;

    private final ApiSpec oldSpec;
    private final ApiSpec newSpec;
    /** Results of referenced pairs, complete: reused across operations. */
    private final Map<String, List<Change>> memo = new HashMap<>();
    /** Results cut short by a cycle through a pair still being compared: valid within one {@link #compare} only. */
    private final Map<String, List<Change>> partial = new HashMap<>();
    /** The referenced pairs being compared, outermost first, and whether a cycle cut each one short. */
    private final List<String> stack = new ArrayList<>();
    private final List<Boolean> cut = new ArrayList<>();
    private final Map<String, Integer> onStack = new HashMap<>();
    private final CompositionMatcher composition = new CompositionMatcher();

    SchemaComparator(ApiSpec oldSpec, ApiSpec newSpec) {
        this.oldSpec = oldSpec;
        this.newSpec = newSpec;
    }

    List<Change> compare(Schema oldSchema, Schema newSchema, Scope scope) {
        partial.clear();
        List<Change> out = new ArrayList<>();
        diff(oldSchema, newSchema, scope, "", out, 0);
        return distinct(out);
    }

    /**
     * One change per rule and place written: a component reached along several paths (or
     * round a cycle) is one change to its clients, shown at the first path found. This also
     * keeps densely cross-referenced schemas from multiplying findings path by path.
     */
    private static List<Change> distinct(List<Change> changes) {
        Map<String, Change> seen = new java.util.LinkedHashMap<>();
        for (Change c : changes) {
            String key = c.rule().id() + '\0' + c.source().file() + '\0' + c.source().pointer() + '\0' + c.inOld()
                    + '\0' + c.detail();
            seen.putIfAbsent(key, c);
        }
        return seen.size() == changes.size() ? changes : new ArrayList<>(seen.values());
    }

    private void diff(Schema o, Schema n, Scope scope, String path, List<Change> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (o.isReference() && n.isReference()) {
            String key = scope.ordinal() + "|" + o.ref().get() + "|" + n.ref().get();
            List<Change> known = memo.get(key);
            if (known == null) {
                known = partial.get(key);
            }
            if (known == null) {
                Integer at = onStack.get(key);
                if (at != null) {
                    // A cycle: the pair at `at` is already being compared and reports its own
                    // changes there; every pair entered since then misses them, so none of
                    // those results may outlive this comparison.
                    for (int i = at + 1; i < cut.size(); i++) {
                        cut.set(i, true);
                    }
                    return;
                }
                onStack.put(key, stack.size());
                stack.add(key);
                cut.add(false);
                List<Change> found = new ArrayList<>();
                diffResolved(oldSpec.resolve(o), newSpec.resolve(n), scope, "", found, depth + 1);
                int top = stack.size() - 1;
                boolean incomplete = cut.get(top);
                stack.remove(top);
                cut.remove(top);
                onStack.remove(key);
                known = distinct(found);
                (incomplete ? partial : memo).put(key, known);
            }
            for (Change c : known) {
                out.add(c.under(path));
            }
            return;
        }
        diffResolved(oldSpec.resolve(o), newSpec.resolve(n), scope, path, out, depth + 1);
    }

    private void diffResolved(Schema before, Schema after, Scope scope, String path, List<Change> out, int depth) {
        Schema o = before;
        Schema n = after;
        if (o.allOf().isEmpty() != n.allOf().isEmpty()) {
            // one side composes with allOf, the other writes it out: compare what they accept
            o = AllOfMerger.merge(o, oldSpec);
            n = AllOfMerger.merge(n, newSpec);
        }
        types(o, n, scope, path, out);
        if (!o.nullable() && n.nullable() && !o.types().isEmpty()) {
            add(out, scope, SchemaChange.BECAME_NULLABLE, n, false, path, "null is now allowed");
        } else if (o.nullable() && !n.nullable() && !n.types().isEmpty()) {
            add(out, scope, SchemaChange.BECAME_NOT_NULLABLE, n, false, path, "null is no longer allowed");
        }
        format(o, n, scope, path, out);
        enums(o, n, scope, path, out);
        defaults(o, n, scope, path, out);
        for (Constraint c : Constraint.values()) {
            limit(c, o.limits().get(c), n.limits().get(c), o, n, scope, path, out);
        }
        pattern(o, n, scope, path, out);
        if (!o.uniqueItems() && n.uniqueItems()) {
            add(out, scope, SchemaChange.UNIQUE_ITEMS_ADDED, n, false, path, "array items must now be unique");
        } else if (o.uniqueItems() && !n.uniqueItems()) {
            add(out, scope, SchemaChange.UNIQUE_ITEMS_REMOVED, n, false, path, "array items may now repeat");
        }
        if (!o.readOnly() && n.readOnly()) {
            add(out, scope, SchemaChange.BECAME_READ_ONLY, n, false, path, "became read-only");
        } else if (o.readOnly() && !n.readOnly()) {
            add(out, scope, SchemaChange.READ_ONLY_REMOVED, n, false, path, "is no longer read-only");
        }
        if (!o.writeOnly() && n.writeOnly()) {
            add(out, scope, SchemaChange.BECAME_WRITE_ONLY, n, false, path, "became write-only");
        } else if (o.writeOnly() && !n.writeOnly()) {
            add(out, scope, SchemaChange.WRITE_ONLY_REMOVED, n, false, path, "is no longer write-only");
        }
        if (!o.deprecated() && n.deprecated()) {
            add(out, scope, SchemaChange.DEPRECATED, n, false, path, "is now deprecated");
        }
        discriminator(o, n, scope, path, out);
        properties(o, n, scope, path, out, depth);
        additional(o, n, scope, path, out, depth);
        if (o.items().isPresent() || n.items().isPresent()) {
            Schema oi = o.items().orElse(Schema.any(o.source()));
            Schema ni = n.items().orElse(Schema.any(n.source()));
            diff(oi, ni, scope.nested(), path + "[]", out, depth);
        }
        composition.compare(o.oneOf(), n.oneOf(), SchemaChange.ONE_OF_MEMBER_ADDED, SchemaChange.ONE_OF_MEMBER_REMOVED,
                "oneOf", o, n, scope, path, out, (a, b) -> diff(a, b, scope, path, out, depth));
        composition.compare(o.anyOf(), n.anyOf(), SchemaChange.ANY_OF_MEMBER_ADDED, SchemaChange.ANY_OF_MEMBER_REMOVED,
                "anyOf", o, n, scope, path, out, (a, b) -> diff(a, b, scope, path, out, depth));
        composition.compare(o.allOf(), n.allOf(), SchemaChange.ALL_OF_MEMBER_ADDED, SchemaChange.ALL_OF_MEMBER_REMOVED,
                "allOf", o, n, scope, path, out, (a, b) -> diff(a, b, scope, path, out, depth));
    }

    private void types(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        Set<String> ot = o.valueTypes();
        Set<String> nt = n.valueTypes();
        if (ot.equals(nt)) {
            return;
        }
        boolean newAcceptsOld = accepts(nt, ot);
        boolean oldAcceptsNew = accepts(ot, nt);
        String detail = "type " + typeText(ot) + " → " + typeText(nt);
        if (newAcceptsOld && !oldAcceptsNew) {
            add(out, scope, SchemaChange.TYPE_WIDENED, n, false, path, detail);
        } else if (oldAcceptsNew && !newAcceptsOld) {
            add(out, scope, SchemaChange.TYPE_NARROWED, n, false, path, detail);
        } else if (!newAcceptsOld) {
            add(out, scope, SchemaChange.TYPE_CHANGED, n, false, path, detail);
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

    private void format(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        Optional<String> of = o.format();
        Optional<String> nf = n.format();
        if (of.equals(nf)) {
            return;
        }
        if (of.isPresent() && nf.isPresent()) {
            add(out, scope, SchemaChange.FORMAT_CHANGED, n, false, path, "format " + of.get() + " → " + nf.get());
        } else if (nf.isPresent()) {
            add(out, scope, SchemaChange.FORMAT_ADDED, n, false, path, "format " + nf.get() + " added");
        } else {
            add(out, scope, SchemaChange.FORMAT_REMOVED, n, false, path, "format " + of.get() + " removed");
        }
    }

    private void enums(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.enumValues().isEmpty() && n.enumValues().isEmpty()) {
            return;
        }
        if (o.enumValues().isEmpty()) {
            add(out, scope, SchemaChange.ENUM_ADDED, n, false, path, "now limited to " + list(n.enumValues().get()));
            return;
        }
        if (n.enumValues().isEmpty()) {
            add(out, scope, SchemaChange.ENUM_REMOVED, n, false, path, "no longer limited to " + list(o.enumValues().get()));
            return;
        }
        Set<String> before = new LinkedHashSet<>(o.enumValues().get());
        Set<String> after = new LinkedHashSet<>(n.enumValues().get());
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        if (!removed.isEmpty() && !added.isEmpty()) {
            add(out, scope, SchemaChange.ENUM_VALUES_REPLACED, n, false, path,
                    "values removed: " + list(removed) + "; values added: " + list(added));
            return;
        }
        if (!removed.isEmpty()) {
            add(out, scope, SchemaChange.ENUM_VALUE_REMOVED, n, false, path, "values removed: " + list(removed));
        }
        if (!added.isEmpty()) {
            add(out, scope, SchemaChange.ENUM_VALUE_ADDED, n, false, path, "values added: " + list(added));
        }
    }

    private static String list(java.util.Collection<String> values) {
        if (values.size() <= 12) {
            return String.join(", ", values);
        }
        List<String> head = new ArrayList<>(values).subList(0, 10);
        return String.join(", ", head) + " and " + (values.size() - 10) + " more";
    }

    private void defaults(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.defaultValue().equals(n.defaultValue())) {
            return;
        }
        if (o.defaultValue().isPresent() && n.defaultValue().isPresent()) {
            add(out, scope, SchemaChange.DEFAULT_CHANGED, n, false, path,
                    "default " + o.defaultValue().get() + " → " + n.defaultValue().get());
        } else if (n.defaultValue().isPresent()) {
            add(out, scope, SchemaChange.DEFAULT_ADDED, n, false, path, "default " + n.defaultValue().get() + " added");
        } else {
            add(out, scope, SchemaChange.DEFAULT_REMOVED, n, false, path, "default " + o.defaultValue().get() + " removed");
        }
    }

    private void limit(Constraint c, Limit ol, Limit nl, Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (Objects.equals(ol, nl) || (ol != null && nl != null && ol.exclusive() == nl.exclusive()
                && ol.value().compareTo(nl.value()) == 0)) {
            return;
        }
        String k = c.keyword();
        if (ol == null) {
            add(out, scope, SchemaChange.bound(c, SchemaChange.Move.ADDED), n, false, path, k + " " + nl + " added");
            return;
        }
        if (nl == null) {
            add(out, scope, SchemaChange.bound(c, SchemaChange.Move.REMOVED), n, false, path, k + " " + ol + " removed");
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
                    add(out, scope, SchemaChange.MULTIPLE_OF_CHANGED, n, false, path, detail);
                    return;
                }
            }
        }
        add(out, scope, SchemaChange.bound(c, move), n, false, path, detail);
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal of) {
        return of.signum() != 0 && value.remainder(of).signum() == 0;
    }

    private void pattern(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.pattern().equals(n.pattern())) {
            return;
        }
        if (o.pattern().isPresent() && n.pattern().isPresent()) {
            add(out, scope, SchemaChange.PATTERN_CHANGED, n, false, path, "pattern " + o.pattern().get() + " → " + n.pattern().get());
        } else if (n.pattern().isPresent()) {
            add(out, scope, SchemaChange.PATTERN_ADDED, n, false, path, "pattern " + n.pattern().get() + " added");
        } else {
            add(out, scope, SchemaChange.PATTERN_REMOVED, n, false, path, "pattern " + o.pattern().get() + " removed");
        }
    }

    private void discriminator(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.discriminator().equals(n.discriminator())) {
            return;
        }
        if (o.discriminator().isEmpty()) {
            add(out, scope, SchemaChange.DISCRIMINATOR_ADDED, n, false, path,
                    "discriminator " + n.discriminator().get().propertyName() + " added");
            return;
        }
        if (n.discriminator().isEmpty()) {
            add(out, scope, SchemaChange.DISCRIMINATOR_REMOVED, n, false, path,
                    "discriminator " + o.discriminator().get().propertyName() + " removed");
            return;
        }
        var od = o.discriminator().get();
        var nd = n.discriminator().get();
        if (!od.propertyName().equals(nd.propertyName())) {
            add(out, scope, SchemaChange.DISCRIMINATOR_PROPERTY_CHANGED, n, false, path,
                    "discriminator property " + od.propertyName() + " → " + nd.propertyName());
        }
        for (Map.Entry<String, String> e : od.mapping().entrySet()) {
            String now = nd.mapping().get(e.getKey());
            if (now == null) {
                add(out, scope, SchemaChange.DISCRIMINATOR_MAPPING_REMOVED, n, false, path, "variant " + e.getKey() + " removed");
            } else if (!now.equals(e.getValue())) {
                add(out, scope, SchemaChange.DISCRIMINATOR_MAPPING_CHANGED, n, false, path,
                        "variant " + e.getKey() + " maps to " + now + " instead of " + e.getValue());
            }
        }
        for (String k : nd.mapping().keySet()) {
            if (!od.mapping().containsKey(k)) {
                add(out, scope, SchemaChange.DISCRIMINATOR_MAPPING_ADDED, n, false, path, "variant " + k + " added");
            }
        }
    }

    private void properties(Schema o, Schema n, Scope scope, String path, List<Change> out, int depth) {
        if (o.properties().isEmpty() && n.properties().isEmpty()) {
            return;
        }
        Scope ps = scope.nested();
        boolean request = scope.direction() == Direction.REQUEST;
        for (Map.Entry<String, Schema> e : o.properties().entrySet()) {
            String name = e.getKey();
            String at = join(path, name);
            Schema before = e.getValue();
            Schema after = n.properties().get(name);
            if (after == null) {
                if (!unseen(oldSpec.resolve(before), request)) {
                    out.add(new Change(Rules.schema(ps, SchemaChange.REMOVED), before.source(), true, at, "removed"));
                }
                continue;
            }
            boolean wasRequired = o.required().contains(name) && !unseen(oldSpec.resolve(before), request);
            boolean isRequired = n.required().contains(name) && !unseen(newSpec.resolve(after), request);
            if (!wasRequired && isRequired) {
                out.add(new Change(Rules.schema(ps, SchemaChange.BECAME_REQUIRED), after.source(), false, at, "became required"));
            } else if (wasRequired && !isRequired) {
                out.add(new Change(Rules.schema(ps, SchemaChange.BECAME_OPTIONAL), after.source(), false, at, "became optional"));
            }
            diff(before, after, ps, at, out, depth);
        }
        for (Map.Entry<String, Schema> e : n.properties().entrySet()) {
            String name = e.getKey();
            if (o.properties().containsKey(name)) {
                continue;
            }
            Schema after = e.getValue();
            boolean required = n.required().contains(name) && !unseen(newSpec.resolve(after), request);
            SchemaChange change = required ? SchemaChange.REQUIRED_ADDED : SchemaChange.ADDED;
            out.add(new Change(Rules.schema(ps, change), after.source(), false, join(path, name),
                    required ? "added, required" : "added"));
        }
    }

    /** A read-only member is never sent and a write-only one never received: there, required binds nobody. */
    private static boolean unseen(Schema member, boolean request) {
        return request ? member.readOnly() : member.writeOnly();
    }

    private void additional(Schema o, Schema n, Scope scope, String path, List<Change> out, int depth) {
        if (!o.closed() && n.closed()) {
            add(out, scope, SchemaChange.ADDITIONAL_PROPERTIES_FORBIDDEN, n, false, path, "members not listed are now refused");
        } else if (o.closed() && !n.closed()) {
            add(out, scope, SchemaChange.ADDITIONAL_PROPERTIES_ALLOWED, n, false, path, "members not listed may now appear");
        }
        if (o.additionalProperties().isPresent() && n.additionalProperties().isPresent()) {
            diff(o.additionalProperties().get(), n.additionalProperties().get(), scope.nested(), join(path, "*"), out, depth);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static void add(List<Change> out, Scope scope, SchemaChange change, Schema at, boolean inOld, String path, String detail) {
        if (!change.appliesTo(scope)) {
            return;
        }
        out.add(new Change(Rules.schema(scope, change), at.source(), inOld, path, detail));
    }
}

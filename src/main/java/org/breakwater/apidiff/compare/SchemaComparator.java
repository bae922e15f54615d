package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.breakwater.apidiff.rule.Direction;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.ApiSpec;
import org.breakwater.apidiff.spec.Schema;
import org.breakwater.apidiff.spec.Source;

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
    private final Budget budget;

    SchemaComparator(ApiSpec oldSpec, ApiSpec newSpec, Budget budget) {
        this.oldSpec = oldSpec;
        this.newSpec = newSpec;
        this.budget = budget;
    }

    /** The schema a reference in the old description stands for. */
    Schema resolveOld(Schema schema) {
        return oldSpec.resolve(schema);
    }

    /** The schema a reference in the new description stands for. */
    Schema resolveNew(Schema schema) {
        return newSpec.resolve(schema);
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
        if (depth > MAX_DEPTH || nullableUnion(o, n, scope, path, out, depth)) {
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
                budget.step();
                out.add(c.under(path));
            }
            return;
        }
        diffResolved(oldSpec.resolve(o), newSpec.resolve(n), scope, path, out, depth + 1);
    }

    private void diffResolved(Schema before, Schema after, Scope scope, String path, List<Change> out, int depth) {
        budget.step();
        if (nullableUnion(before, after, scope, path, out, depth)) {
            return;
        }
        Schema o = before;
        Schema n = after;
        if (o.allOf().isEmpty() != n.allOf().isEmpty()) {
            // one side composes with allOf, the other writes it out: compare what they accept
            o = AllOfMerger.merge(o, oldSpec);
            n = AllOfMerger.merge(n, newSpec);
        }
        SchemaKeywords.compare(o, n, scope, path, out);
        Discriminators.compare(o, n, scope, path, out, (a, b) -> sameTarget(a, b, scope, depth));
        properties(o, n, scope, path, out, depth);
        RequiredNames.compare(o, n, scope, path, out);
        if (KeywordComparator.applies(o, n)) {
            KeywordComparator.compare(o, n, scope, path, out, (a, b, s, p, l) -> diff(a, b, s, p, l, depth));
        }
        additional(o, n, scope, path, out, depth);
        if (o.items().isPresent() || n.items().isPresent()) {
            Schema oi = o.items().orElse(Schema.any(o.source()));
            Schema ni = n.items().orElse(Schema.any(n.source()));
            diff(oi, ni, scope.nested(), path + "[]", out, depth);
        }
        BiConsumer<Schema, Schema> pair = (a, b) -> diff(a, b, scope, path, out, depth);
        BiPredicate<Schema, Schema> same = (a, b) -> same(a, b, scope, depth);
        composition.compare(o.oneOf(), n.oneOf(), SchemaChange.ONE_OF_MEMBER_ADDED, SchemaChange.ONE_OF_MEMBER_REMOVED,
                "oneOf", n, scope, path, out, pair, same);
        composition.compare(o.anyOf(), n.anyOf(), SchemaChange.ANY_OF_MEMBER_ADDED, SchemaChange.ANY_OF_MEMBER_REMOVED,
                "anyOf", n, scope, path, out, pair, same);
        composition.compare(o.allOf(), n.allOf(), SchemaChange.ALL_OF_MEMBER_ADDED, SchemaChange.ALL_OF_MEMBER_REMOVED,
                "allOf", n, scope, path, out, pair, same);
    }

    /**
     * True when two schemas compare with no change at all (a trial comparison: what it finds
     * is dropped, what it learns about referenced pairs is kept).
     */
    private boolean same(Schema a, Schema b, Scope scope, int depth) {
        List<Change> scratch = new ArrayList<>();
        diff(a, b, scope, "", scratch, depth);
        return scratch.isEmpty();
    }

    /** True when two discriminator mapping targets name schemas that compare with no change. */
    private boolean sameTarget(String oldTarget, String newTarget, Scope scope, int depth) {
        String before = Discriminators.key(oldTarget);
        String after = Discriminators.key(newTarget);
        return oldSpec.schemas().containsKey(before) && newSpec.schemas().containsKey(after)
                && same(Schema.reference(before, Source.NONE), Schema.reference(after, Source.NONE), scope, depth);
    }

    /**
     * A union of null and X on either side ({@link NullableUnion}) is compared as X, with
     * nullability compared apart; false when neither side is one. A reference stays one, so
     * recursive schemas still meet their own pair and stop.
     */
    private boolean nullableUnion(Schema o, Schema n, Scope scope, String path, List<Change> out, int depth) {
        java.util.Optional<Schema> mo = NullableUnion.member(o);
        java.util.Optional<Schema> mn = NullableUnion.member(n);
        if (mo.isEmpty() && mn.isEmpty()) {
            return false;
        }
        if (mo.isPresent() && mn.isPresent()) {
            SchemaKeywords.compare(o, n, scope, path, out);
        } else {
            NullableUnion.nullability(mo.isPresent() ? null : oldSpec.resolve(o), mn.isPresent() ? null : newSpec.resolve(n),
                    n, scope, path, out);
        }
        diff(NullableUnion.withoutNull(mo.orElse(o)), NullableUnion.withoutNull(mn.orElse(n)), scope, path, out, depth + 1);
        return true;
    }

    private void properties(Schema o, Schema n, Scope scope, String path, List<Change> out, int depth) {
        if (o.properties().isEmpty() && n.properties().isEmpty()) {
            return;
        }
        Scope ps = scope.nested();
        boolean request = scope.direction() == Direction.REQUEST;
        for (Map.Entry<String, Schema> e : o.properties().entrySet()) {
            budget.step();
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
            budget.step();
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
        // an absent additionalProperties allows any member: a schema given on one side only is
        // compared with that, so absent → {type: string} narrows what extra members may be
        if (!o.closed() && !n.closed() && (o.additionalProperties().isPresent() || n.additionalProperties().isPresent())) {
            Schema before = o.additionalProperties().orElse(Schema.any(o.source()));
            Schema after = n.additionalProperties().orElse(Schema.any(n.source()));
            diff(before, after, scope.nested(), join(path, "*"), out, depth);
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

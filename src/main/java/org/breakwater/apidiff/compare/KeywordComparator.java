package org.breakwater.apidiff.compare;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.rule.KeywordChanges;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Keywords2020;
import org.breakwater.apidiff.spec.Schema;

/**
 * Compares the JSON Schema 2020-12 keywords of two schemas (see {@link Keywords2020}): each
 * keyword added or removed is a {@link KeywordChanges} change, and the subschemas kept on
 * both sides are compared through {@link NestedDiff}, so everything inside them is judged
 * like the rest of the schema. {@code if}/{@code then}/{@code else} and {@code not} are
 * {@link ConditionComparator}'s.
 */
final class KeywordComparator {
    private static final BigDecimal ONE = BigDecimal.ONE;

    private KeywordComparator() {
    }

    /** True when either schema uses one of the keywords, so there is anything to compare. */
    static boolean applies(Schema o, Schema n) {
        return o.keywords2020() != Keywords2020.NONE || n.keywords2020() != Keywords2020.NONE;
    }

    static void compare(Schema o, Schema n, Scope scope, String path, List<Change> out, NestedDiff nested) {
        Keywords2020 ok = o.keywords2020();
        Keywords2020 nk = n.keywords2020();
        contains(o, n, scope, path, out, nested);
        prefixItems(o, n, scope, path, out, nested);
        dependentRequired(ok.dependentRequired(), nk.dependentRequired(), n, scope, path, out);
        schemas(ok.dependentSchemas(), nk.dependentSchemas(), "dependentSchemas", scope, scope, n, path, out, nested,
                KeywordChanges.DEPENDENT_SCHEMA_ADDED, KeywordChanges.DEPENDENT_SCHEMA_REMOVED);
        schemas(ok.patternProperties(), nk.patternProperties(), "patternProperties", scope, scope.nested(), n, path,
                out, nested, KeywordChanges.PATTERN_PROPERTY_ADDED, KeywordChanges.PATTERN_PROPERTY_REMOVED);
        optional(ok.propertyNames(), nk.propertyNames(), "propertyNames", scope, n, path, out, nested,
                KeywordChanges.PROPERTY_NAMES_ADDED, KeywordChanges.PROPERTY_NAMES_REMOVED);
        unevaluated(ok.unevaluatedProperties(), nk.unevaluatedProperties(), "unevaluatedProperties", scope, n, path,
                out, nested, KeywordChanges.UNEVALUATED_PROPERTIES_FORBIDDEN, KeywordChanges.UNEVALUATED_PROPERTIES_ALLOWED);
        unevaluated(ok.unevaluatedItems(), nk.unevaluatedItems(), "unevaluatedItems", scope, n, path, out, nested,
                KeywordChanges.UNEVALUATED_ITEMS_FORBIDDEN, KeywordChanges.UNEVALUATED_ITEMS_ALLOWED);
        text(ok.contentEncoding(), nk.contentEncoding(), "contentEncoding", scope, n, path, out,
                KeywordChanges.CONTENT_ENCODING_ADDED, KeywordChanges.CONTENT_ENCODING_REMOVED,
                KeywordChanges.CONTENT_ENCODING_CHANGED);
        text(ok.contentMediaType(), nk.contentMediaType(), "contentMediaType", scope, n, path, out,
                KeywordChanges.CONTENT_MEDIA_TYPE_ADDED, KeywordChanges.CONTENT_MEDIA_TYPE_REMOVED,
                KeywordChanges.CONTENT_MEDIA_TYPE_CHANGED);
        optional(ok.contentSchema(), nk.contentSchema(), "contentSchema", scope, n, path, out, nested,
                KeywordChanges.CONTENT_SCHEMA_ADDED, KeywordChanges.CONTENT_SCHEMA_REMOVED);
        ConditionComparator.compare(o, n, scope, path, out, nested);
        ExtensibleEnums.compare(o, n, scope, path, out);
    }

    /** The path of a subschema held by {@code keyword}: {@code tags.<contains>}. */
    static String at(String path, String keyword) {
        String step = "<" + keyword + ">";
        return path.isEmpty() ? step : path + "." + step;
    }

    private static void contains(Schema o, Schema n, Scope scope, String path, List<Change> out, NestedDiff nested) {
        Keywords2020 ok = o.keywords2020();
        Keywords2020 nk = n.keywords2020();
        if (ok.contains().isEmpty() || nk.contains().isEmpty()) {
            optional(ok.contains(), nk.contains(), "contains", scope, n, path, out, nested,
                    KeywordChanges.CONTAINS_ADDED, KeywordChanges.CONTAINS_REMOVED);
            return;
        }
        nested.diff(ok.contains().get(), nk.contains().get(), scope.nested(), at(path, "contains"), out);
        BigDecimal om = ok.minContains().orElse(ONE);
        BigDecimal nm = nk.minContains().orElse(ONE);
        int min = nm.compareTo(om);
        if (min != 0) {
            SchemaComparator.add(out, scope, min > 0 ? KeywordChanges.MIN_CONTAINS_INCREASED
                    : KeywordChanges.MIN_CONTAINS_DECREASED, n, false, path, "minContains " + plain(om) + " → " + plain(nm));
        }
        Optional<BigDecimal> ox = ok.maxContains();
        Optional<BigDecimal> nx = nk.maxContains();
        if (ox.isEmpty() && nx.isEmpty() || ox.isPresent() && nx.isPresent() && ox.get().compareTo(nx.get()) == 0) {
            return;
        }
        boolean lower = ox.isEmpty() || nx.isPresent() && nx.get().compareTo(ox.get()) < 0;
        SchemaComparator.add(out, scope, lower ? KeywordChanges.MAX_CONTAINS_DECREASED : KeywordChanges.MAX_CONTAINS_INCREASED,
                n, false, path, "maxContains " + ox.map(KeywordComparator::plain).orElse("(none)") + " → "
                        + nx.map(KeywordComparator::plain).orElse("(none)"));
    }

    /**
     * Position by position: a position past one side's prefixItems is limited there by its
     * {@code items}, or by nothing when it has none.
     */
    private static void prefixItems(Schema o, Schema n, Scope scope, String path, List<Change> out, NestedDiff nested) {
        List<Schema> before = o.keywords2020().prefixItems();
        List<Schema> after = n.keywords2020().prefixItems();
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            Optional<Schema> a = i < before.size() ? Optional.of(before.get(i)) : o.items();
            Optional<Schema> b = i < after.size() ? Optional.of(after.get(i)) : n.items();
            if (a.isPresent() && b.isPresent()) {
                nested.diff(a.get(), b.get(), scope.nested(), path + "[" + i + "]", out);
            } else if (b.isPresent()) {
                SchemaComparator.add(out, scope, KeywordChanges.PREFIX_ITEM_ADDED, n, false, path, "item " + i + " is now limited");
            } else if (a.isPresent()) {
                SchemaComparator.add(out, scope, KeywordChanges.PREFIX_ITEM_REMOVED, n, false, path, "item " + i + " is no longer limited");
            }
        }
    }

    private static void dependentRequired(Map<String, Set<String>> before, Map<String, Set<String>> after, Schema n,
                                          Scope scope, String path, List<Change> out) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Set<String> was = before.getOrDefault(name, Set.of());
            Set<String> now = after.getOrDefault(name, Set.of());
            Set<String> added = new LinkedHashSet<>(now);
            added.removeAll(was);
            Set<String> removed = new LinkedHashSet<>(was);
            removed.removeAll(now);
            if (!added.isEmpty()) {
                SchemaComparator.add(out, scope, KeywordChanges.DEPENDENT_REQUIRED_ADDED, n, false, path,
                        "with " + name + " present, now required: " + String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                SchemaComparator.add(out, scope, KeywordChanges.DEPENDENT_REQUIRED_REMOVED, n, false, path,
                        "with " + name + " present, no longer required: " + String.join(", ", removed));
            }
        }
    }

    /** A map of subschemas (dependentSchemas, patternProperties): entries added, removed, and compared. */
    private static void schemas(Map<String, Schema> before, Map<String, Schema> after, String keyword, Scope scope,
                                Scope inner, Schema n, String path, List<Change> out, NestedDiff nested,
                                SchemaChange added, SchemaChange removed) {
        for (Map.Entry<String, Schema> e : before.entrySet()) {
            Schema now = after.get(e.getKey());
            if (now == null) {
                SchemaComparator.add(out, scope, removed, n, false, path, keyword + " " + e.getKey() + " removed");
            } else {
                nested.diff(e.getValue(), now, inner, at(path, keyword + " " + e.getKey()), out);
            }
        }
        for (String name : after.keySet()) {
            if (!before.containsKey(name)) {
                SchemaComparator.add(out, scope, added, n, false, path, keyword + " " + name + " added");
            }
        }
    }

    /** A keyword holding one subschema that limits part of the value (its items, names or decoded content). */
    private static void optional(Optional<Schema> before, Optional<Schema> after, String keyword, Scope scope, Schema n,
                                 String path, List<Change> out, NestedDiff nested, SchemaChange added, SchemaChange removed) {
        if (before.isPresent() && after.isPresent()) {
            nested.diff(before.get(), after.get(), scope.nested(), at(path, keyword), out);
        } else if (after.isPresent()) {
            SchemaComparator.add(out, scope, added, n, false, path, keyword + " added");
        } else if (before.isPresent()) {
            SchemaComparator.add(out, scope, removed, n, false, path, keyword + " removed");
        }
    }

    /** unevaluatedProperties/Items: {@code false} on one side only forbids or allows; a schema is compared, absent read as any. */
    private static void unevaluated(Optional<Schema> before, Optional<Schema> after, String keyword, Scope scope, Schema n,
                                    String path, List<Change> out, NestedDiff nested, SchemaChange forbidden,
                                    SchemaChange allowed) {
        boolean wasClosed = before.map(Keywords2020::refusesAll).orElse(false);
        boolean isClosed = after.map(Keywords2020::refusesAll).orElse(false);
        if (!wasClosed && isClosed) {
            SchemaComparator.add(out, scope, forbidden, n, false, path, keyword + ": false");
        } else if (wasClosed && !isClosed) {
            SchemaComparator.add(out, scope, allowed, n, false, path, keyword + " no longer false");
        } else if (!wasClosed && (before.isPresent() || after.isPresent())) {
            nested.diff(before.orElse(Schema.any(n.source())), after.orElse(Schema.any(n.source())), scope.nested(),
                    at(path, keyword), out);
        }
    }

    private static void text(Optional<String> before, Optional<String> after, String keyword, Scope scope, Schema n,
                             String path, List<Change> out, SchemaChange added, SchemaChange removed, SchemaChange changed) {
        if (before.equals(after)) {
            return;
        }
        if (before.isPresent() && after.isPresent()) {
            SchemaComparator.add(out, scope, changed, n, false, path, keyword + " " + before.get() + " → " + after.get());
        } else if (after.isPresent()) {
            SchemaComparator.add(out, scope, added, n, false, path, keyword + " " + after.get() + " added");
        } else {
            SchemaComparator.add(out, scope, removed, n, false, path, keyword + " " + before.get() + " removed");
        }
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}

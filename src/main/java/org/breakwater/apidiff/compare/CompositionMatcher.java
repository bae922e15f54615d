package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Schema;

/**
 * Pairs the members of two oneOf/anyOf/allOf lists: by the component they reference, then
 * those that compare with no change (a member replaced by an identical one), then by title,
 * then by type, and what is left in order only when both sides have the same
 * number left. Paired members are compared; the rest are reported as added or removed.
 */
final class CompositionMatcher {

    /** At most so many trial comparisons per list pair when matching members by structure. */
    private static final int MAX_TRIALS = 64;

    /**
     * @param pair compares two paired members
     * @param same true when two members compare with no change
     */
    void compare(List<Schema> before, List<Schema> after, SchemaChange added, SchemaChange removed, String keyword,
                 Schema n, Scope scope, String path, List<Change> out, BiConsumer<Schema, Schema> pair,
                 BiPredicate<Schema, Schema> same) {
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        List<Schema> left = new ArrayList<>(before);
        List<Schema> right = new ArrayList<>(after);
        match(left, right, pair, s -> s.ref());
        if (!left.isEmpty() && !right.isEmpty() && left.size() * right.size() <= MAX_TRIALS) {
            matchSame(left, right, pair, same);
        }
        match(left, right, pair, Schema::title);
        match(left, right, pair, s -> s.isReference() || s.types().isEmpty() ? Optional.empty()
                : Optional.of(new java.util.TreeSet<>(s.types()).toString()));
        if (left.size() == right.size()) {
            for (int i = 0; i < left.size(); i++) {
                pair.accept(left.get(i), right.get(i));
            }
            return;
        }
        for (Schema s : left) {
            SchemaComparator.add(out, scope, removed, n, false, path, keyword + " member " + name(s, before) + " removed");
        }
        for (Schema s : right) {
            SchemaComparator.add(out, scope, added, n, false, path, keyword + " member " + name(s, after) + " added");
        }
    }

    private static void match(List<Schema> left, List<Schema> right, BiConsumer<Schema, Schema> pair,
                              java.util.function.Function<Schema, Optional<String>> key) {
        for (int i = 0; i < left.size(); i++) {
            Optional<String> k = key.apply(left.get(i));
            if (k.isEmpty()) {
                continue;
            }
            for (int j = 0; j < right.size(); j++) {
                if (k.equals(key.apply(right.get(j)))) {
                    pair.accept(left.remove(i), right.remove(j));
                    i--;
                    break;
                }
            }
        }
    }

    /** Pairs members that compare with no change: one replaced by a copy, or renamed, is the same alternative. */
    private static void matchSame(List<Schema> left, List<Schema> right, BiConsumer<Schema, Schema> pair,
                                  BiPredicate<Schema, Schema> same) {
        for (int i = 0; i < left.size(); i++) {
            for (int j = 0; j < right.size(); j++) {
                if (same.test(left.get(i), right.get(j))) {
                    pair.accept(left.remove(i), right.remove(j));
                    i--;
                    break;
                }
            }
        }
    }

    private static String name(Schema s, List<Schema> list) {
        if (s.ref().isPresent()) {
            String ref = s.ref().get();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        return s.title().orElse("#" + (list.indexOf(s) + 1));
    }
}

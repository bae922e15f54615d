package org.breakwater.apidiff.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Schema;

/**
 * The values of {@code x-extensible-enum} (Zalando's open enum), compared where both sides
 * list them. Unlike {@code enum}, the list is promised to grow: a value added is harmless in
 * either direction, but a value removed is one clients may still send and servers may refuse
 * (oasdiff's {@code request-*-x-extensible-enum-value-removed}).
 */
final class ExtensibleEnums {
    private ExtensibleEnums() {
    }

    static void compare(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        Optional<List<String>> before = o.keywords2020().extensibleEnum();
        Optional<List<String>> after = n.keywords2020().extensibleEnum();
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        Set<String> removed = new LinkedHashSet<>(before.get());
        removed.removeAll(after.get());
        Set<String> added = new LinkedHashSet<>(after.get());
        added.removeAll(before.get());
        if (!removed.isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.EXTENSIBLE_ENUM_VALUE_REMOVED, n, false, path,
                    "x-extensible-enum values removed: " + String.join(", ", removed));
        }
        if (!added.isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.EXTENSIBLE_ENUM_VALUE_ADDED, n, false, path,
                    "x-extensible-enum values added: " + String.join(", ", added));
        }
    }
}

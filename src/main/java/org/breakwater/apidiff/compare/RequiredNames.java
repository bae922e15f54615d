package org.breakwater.apidiff.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Schema;

/**
 * Members a schema requires without describing them in its own {@code properties}: the way
 * {@code then}/{@code else}, {@code dependentSchemas}, {@code not} and allOf members usually
 * write "this member must be present" ({@code then: {required: [billing]}}). Members described
 * on either side are {@link SchemaComparator}'s.
 */
final class RequiredNames {
    private RequiredNames() {
    }

    static void compare(Schema o, Schema n, Scope scope, String path, List<Change> out) {
        if (o.required().equals(n.required())) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(o.required());
        names.addAll(n.required());
        names.removeAll(o.properties().keySet());
        names.removeAll(n.properties().keySet());
        Scope member = scope.nested();
        for (String name : names) {
            boolean was = o.required().contains(name);
            boolean is = n.required().contains(name);
            String at = path.isEmpty() ? name : path + "." + name;
            if (!was && is) {
                SchemaComparator.add(out, member, SchemaChange.BECAME_REQUIRED, n, false, at, "became required");
            } else if (was && !is) {
                SchemaComparator.add(out, member, SchemaChange.BECAME_OPTIONAL, n, false, at, "became optional");
            }
        }
    }
}

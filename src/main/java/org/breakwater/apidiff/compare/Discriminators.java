package org.breakwater.apidiff.compare;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Discriminator;
import org.breakwater.apidiff.spec.Schema;

/**
 * Compares two schemas' discriminators: the property naming the variant, and which schema
 * each value selects. A value mapped to a schema of another name that compares equal to the
 * old one (a component renamed, {@code Dog} → {@code MyDog}) is the same variant on the
 * wire: only the class name generated clients use changes.
 */
final class Discriminators {
    private Discriminators() {
    }

    /**
     * @param sameTarget given the old and the new mapping target (as written), true when both
     *                   name schemas that compare with no change
     */
    static void compare(Schema o, Schema n, Scope scope, String path, List<Change> out,
                        BiPredicate<String, String> sameTarget) {
        if (o.discriminator().equals(n.discriminator())) {
            return;
        }
        if (o.discriminator().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.DISCRIMINATOR_ADDED, n, false, path,
                    "discriminator " + n.discriminator().get().propertyName() + " added");
            return;
        }
        if (n.discriminator().isEmpty()) {
            SchemaComparator.add(out, scope, SchemaChange.DISCRIMINATOR_REMOVED, n, false, path,
                    "discriminator " + o.discriminator().get().propertyName() + " removed");
            return;
        }
        Discriminator od = o.discriminator().get();
        Discriminator nd = n.discriminator().get();
        if (!od.propertyName().equals(nd.propertyName())) {
            SchemaComparator.add(out, scope, SchemaChange.DISCRIMINATOR_PROPERTY_CHANGED, n, false, path,
                    "discriminator property " + od.propertyName() + " → " + nd.propertyName());
        }
        for (Map.Entry<String, String> e : od.mapping().entrySet()) {
            String now = nd.mapping().get(e.getKey());
            if (now == null) {
                SchemaComparator.add(out, scope, SchemaChange.DISCRIMINATOR_MAPPING_REMOVED, n, false, path,
                        "variant " + e.getKey() + " removed");
            } else if (!now.equals(e.getValue())) {
                boolean renamed = sameTarget.test(e.getValue(), now);
                SchemaComparator.add(out, scope, renamed ? SchemaChange.DISCRIMINATOR_MAPPING_TARGET_RENAMED
                        : SchemaChange.DISCRIMINATOR_MAPPING_CHANGED, n, false, path, "variant " + e.getKey() + " maps to "
                        + now + " instead of " + e.getValue() + (renamed ? ", a schema of the same structure" : ""));
            }
        }
        for (String k : nd.mapping().keySet()) {
            if (!od.mapping().containsKey(k)) {
                SchemaComparator.add(out, scope, SchemaChange.DISCRIMINATOR_MAPPING_ADDED, n, false, path,
                        "variant " + k + " added");
            }
        }
    }

    /**
     * The key of the schema a mapping value names, in the form of {@link Schema#ref()}: a
     * reference within the description as written, or a bare name under
     * {@code #/components/schemas}.
     */
    static String key(String target) {
        if (target.contains("#")) {
            return target;
        }
        return "#/components/schemas/" + target.replace("~", "~0").replace("/", "~1");
    }
}

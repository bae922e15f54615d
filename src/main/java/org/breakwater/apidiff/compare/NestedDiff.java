package org.breakwater.apidiff.compare;

import java.util.List;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Schema;

/**
 * Compares two subschemas one level deeper, within the comparison's step budget and depth
 * limit: how {@link KeywordComparator} and {@link ConditionComparator} recurse through
 * {@link SchemaComparator}.
 */
@FunctionalInterface
interface NestedDiff {
    void diff(Schema before, Schema after, Scope scope, String path, List<Change> out);
}

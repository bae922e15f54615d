package org.breakwater.apidiff.compare;

import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.spec.Source;

/**
 * A schema change found below some schema, before it is tied to an operation: the same
 * component compared once serves every operation that uses it.
 *
 * @param path where inside the compared schema, such as {@code packages[].branch}; empty for the root
 */
record Change(Rule rule, Source source, boolean inOld, String path, String detail) {

    /** The same change seen from a schema that holds this one at {@code prefix}. */
    Change under(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        if (path.isEmpty()) {
            return new Change(rule, source, inOld, prefix, detail);
        }
        return new Change(rule, source, inOld, path.startsWith("[") ? prefix + path : prefix + "." + path, detail);
    }
}

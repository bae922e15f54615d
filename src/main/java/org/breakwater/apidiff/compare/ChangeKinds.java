package org.breakwater.apidiff.compare;

import java.util.HashMap;
import java.util.Map;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;

/** Which {@link SchemaChange} a schema rule stands for, so a change can be judged in the other direction. */
final class ChangeKinds {
    private static final Map<String, SchemaChange> BY_RULE = new HashMap<>();

    static {
        for (Scope scope : Scope.values()) {
            for (SchemaChange c : SchemaChange.all()) {
                if (c.appliesTo(scope)) {
                    BY_RULE.put(Rules.schema(scope, c).id(), c);
                }
            }
        }
    }

    private ChangeKinds() {
    }

    static SchemaChange of(Rule rule) {
        SchemaChange c = BY_RULE.get(rule.id());
        if (c == null) {
            throw new IllegalArgumentException("not a schema rule: " + rule.id());
        }
        return c;
    }

    /** True when the change limits or frees values in some direction; false for one that is information both ways. */
    static boolean matters(Change change) {
        SchemaChange c = of(change.rule());
        return c.request() != Level.INFO || c.response() != Level.INFO;
    }
}

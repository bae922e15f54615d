package org.breakwater.apidiff.compare;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    /** The schema change {@code rule} stands for; empty for a rule that is no schema rule. */
    static Optional<SchemaChange> of(Rule rule) {
        return Optional.ofNullable(BY_RULE.get(rule.id()));
    }

    /**
     * True when the change limits or frees values in some direction; false for one that is
     * information both ways. A rule that is no schema rule counts as mattering.
     */
    static boolean matters(Change change) {
        return of(change.rule()).map(c -> c.request() != Level.INFO || c.response() != Level.INFO).orElse(true);
    }
}

package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.rule.KeywordChanges;
import org.breakwater.apidiff.rule.Level;
import org.breakwater.apidiff.rule.Rules;
import org.breakwater.apidiff.rule.SchemaChange;
import org.breakwater.apidiff.rule.Scope;
import org.breakwater.apidiff.spec.Keywords2020;
import org.breakwater.apidiff.spec.Schema;

/**
 * The keywords whose subschema decides which values are accepted without being a part of
 * the value: {@code if}/{@code then}/{@code else}, and {@code not}, inside which the direction
 * turns round (a schema under {@code not} that matches more refuses more).
 */
final class ConditionComparator {
    private ConditionComparator() {
    }

    static void compare(Schema o, Schema n, Scope scope, String path, List<Change> out, NestedDiff nested) {
        conditional(o, n, scope, path, out, nested);
        not(o, n, scope, path, out, nested);
    }

    private static void conditional(Schema o, Schema n, Scope scope, String path, List<Change> out, NestedDiff nested) {
        Keywords2020 ok = o.keywords2020();
        Keywords2020 nk = n.keywords2020();
        if (!ok.conditional() && !nk.conditional()) {
            return;
        }
        if (!ok.conditional()) {
            SchemaComparator.add(out, scope, KeywordChanges.CONDITIONAL_ADDED, n, false, path, "if/then/else added");
            return;
        }
        if (!nk.conditional()) {
            SchemaComparator.add(out, scope, KeywordChanges.CONDITIONAL_REMOVED, n, false, path, "if/then/else removed");
            return;
        }
        List<Change> condition = new ArrayList<>();
        nested.diff(ok.ifSchema().get(), nk.ifSchema().get(), scope, KeywordComparator.at(path, "if"), condition);
        condition.removeIf(c -> !ChangeKinds.matters(c));
        if (!condition.isEmpty()) {
            Change first = condition.get(0);
            String more = condition.size() == 1 ? "" : " (and " + (condition.size() - 1) + " more)";
            out.add(new Change(Rules.schema(scope, KeywordChanges.CONDITION_CHANGED), first.source(), first.inOld(),
                    first.path(), "condition changed: " + first.detail() + more));
        }
        branch(ok.thenSchema(), nk.thenSchema(), "then", n, scope, path, out, nested);
        branch(ok.elseSchema(), nk.elseSchema(), "else", n, scope, path, out, nested);
    }

    private static void branch(Optional<Schema> before, Optional<Schema> after, String keyword, Schema n, Scope scope,
                               String path, List<Change> out, NestedDiff nested) {
        if (before.isPresent() && after.isPresent()) {
            nested.diff(before.get(), after.get(), scope, KeywordComparator.at(path, keyword), out);
        } else if (after.isPresent()) {
            SchemaComparator.add(out, scope, KeywordChanges.CONDITIONAL_BRANCH_ADDED, n, false, path, keyword + " added");
        } else if (before.isPresent()) {
            SchemaComparator.add(out, scope, KeywordChanges.CONDITIONAL_BRANCH_REMOVED, n, false, path, keyword + " removed");
        }
    }

    /**
     * Each change inside {@code not} is judged the other way round: one that narrows the schema
     * there (breaking a request, were it outside) widens what is accepted.
     */
    private static void not(Schema o, Schema n, Scope scope, String path, List<Change> out, NestedDiff nested) {
        Optional<Schema> before = o.keywords2020().not();
        Optional<Schema> after = n.keywords2020().not();
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        if (before.isEmpty()) {
            SchemaComparator.add(out, scope, KeywordChanges.NOT_ADDED, n, false, path, "not added");
            return;
        }
        if (after.isEmpty()) {
            SchemaComparator.add(out, scope, KeywordChanges.NOT_REMOVED, n, false, path, "not removed");
            return;
        }
        List<Change> inside = new ArrayList<>();
        nested.diff(before.get(), after.get(), scope, KeywordComparator.at(path, "not"), inside);
        for (Change c : inside) {
            Optional<SchemaChange> kind = ChangeKinds.of(c.rule());
            // a rule that is no schema change cannot be turned round: it is reported as undecided
            SchemaChange turned = kind.isPresent() ? turned(kind.get()) : KeywordChanges.NOT_CHANGED;
            if (turned != null) {
                out.add(new Change(Rules.schema(scope, turned), c.source(), c.inOld(), c.path(), "under not, " + c.detail()));
            }
        }
    }

    /** The change outside {@code not} that a change inside stands for; null when it limits nothing either way. */
    private static SchemaChange turned(SchemaChange inside) {
        int request = severity(inside.request());
        int response = severity(inside.response());
        if (request > response) {
            return KeywordChanges.NOT_EXCLUDES_LESS; // narrowed inside: fewer values refused
        }
        if (response > request) {
            return KeywordChanges.NOT_EXCLUDES_MORE; // widened inside: more values refused
        }
        if (request == severity(Level.BREAKING)) {
            return KeywordChanges.NOT_EXCLUDES_OTHER;
        }
        return request == severity(Level.WARNING) ? KeywordChanges.NOT_CHANGED : null;
    }

    private static int severity(Level level) {
        return Level.values().length - level.ordinal();
    }
}

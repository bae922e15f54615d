package org.breakwater.apidiff.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.rule.Rule;
import org.breakwater.apidiff.spec.Source;

/** Collects findings, dropping exact repeats (one component reached twice from one operation). */
final class Findings {
    private final List<Finding> list = new ArrayList<>();
    private final Set<Finding> seen = new HashSet<>();

    void add(Rule rule, String operation, Source source, boolean inOld, String message) {
        Finding f = new Finding(rule, operation, source, inOld, message);
        if (seen.add(f)) {
            list.add(f);
        }
    }

    /** Adds schema changes found under {@code where} ("response 200 application/json"). */
    void addAll(List<Change> changes, String operation, String where) {
        for (Change c : changes) {
            String subject = c.path().isEmpty() ? where : where + " `" + c.path() + "`";
            add(c.rule(), operation, c.source(), c.inOld(), subject + ": " + c.detail());
        }
    }

    List<Finding> list() {
        return list;
    }
}

package org.breakwater.policy;

import java.util.List;
import org.breakwater.apidiff.spec.Problem;

/**
 * A policy file that cannot be used: every problem found in it, each at its
 * {@code file:line:column}, so one run shows the whole list to fix.
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public PolicyException(List<Problem> problems) {
        super(message(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a policy exception needs at least one problem");
        }
        int more = problems.size() - 1;
        return problems.get(0) + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** The problems in the order they appear in the file. */
    public List<Problem> problems() {
        return problems;
    }
}

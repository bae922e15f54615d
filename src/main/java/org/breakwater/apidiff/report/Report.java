package org.breakwater.apidiff.report;

import java.util.List;

/**
 * The result of comparing two API descriptions.
 *
 * @param oldFile    the old description as named by the user
 * @param newFile    the new description
 * @param findings   the changes, breaking first, then by operation and where they are written
 * @param suppressed findings an ignore file accepted
 * @param notices    things the user should know about the run itself (an ignore entry past
 *                   its expiry date, say)
 */
public record Report(String oldFile, String newFile, String oldVersion, String newVersion,
                     List<Finding> findings, List<Suppressed> suppressed, List<String> notices) {
    public Report {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        notices = List.copyOf(notices);
    }

    public Summary summary() {
        return Summary.of(findings);
    }

    public Report withFindings(List<Finding> kept, List<Suppressed> hidden, List<String> extraNotices) {
        List<String> n = new java.util.ArrayList<>(notices);
        n.addAll(extraNotices);
        return new Report(oldFile, newFile, oldVersion, newVersion, kept, hidden, n);
    }
}

package org.breakwater.apidiff.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of comparing two API descriptions.
 *
 * @param oldFile    the old description as named by the user
 * @param newFile    the new description
 * @param findings   the changes listed, breaking first, then by operation and where they are written
 * @param suppressed findings an ignore file accepted
 * @param notices    things the user should know about the run itself (an ignore entry past
 *                   its expiry date, a report cut short, say)
 * @param omitted    findings made but not listed, by level: a report lists at most so many
 *                   findings, the most severe first (see docs/diff-json.md, "truncated")
 */
public record Report(String oldFile, String newFile, String oldVersion, String newVersion,
                     List<Finding> findings, List<Suppressed> suppressed, List<String> notices, Summary omitted) {
    public Report {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        notices = List.copyOf(notices);
        Objects.requireNonNull(omitted);
    }

    /** A report that lists every finding. */
    public Report(String oldFile, String newFile, String oldVersion, String newVersion,
                  List<Finding> findings, List<Suppressed> suppressed, List<String> notices) {
        this(oldFile, newFile, oldVersion, newVersion, findings, suppressed, notices, Summary.NONE);
    }

    /** How many findings of each level were made: those listed and those {@link #omitted()}. */
    public Summary summary() {
        return Summary.of(findings).plus(omitted);
    }

    /**
     * True when a finding of {@code threshold} or worse remains, listed or not: a truncated
     * report keeps its most severe findings, and counts the rest.
     */
    public boolean reaches(org.breakwater.apidiff.rule.Level threshold) {
        Summary s = summary();
        return switch (threshold) {
            case BREAKING -> s.breaking() > 0;
            case WARNING -> s.breaking() + s.warning() > 0;
            case INFO -> s.total() > 0;
        };
    }

    /** True when the report does not list every finding made. */
    public boolean truncated() {
        return omitted.total() > 0;
    }

    /** The sentence that says a report is cut short, and by how much; empty for a whole report. */
    public Optional<String> truncation() {
        if (!truncated()) {
            return Optional.empty();
        }
        return Optional.of(String.format("the report is truncated: it lists %,d findings, the most severe first;"
                + " %,d more were found and are not listed (%,d breaking, %,d warning, %,d info)", findings.size(),
                omitted.total(), omitted.breaking(), omitted.warning(), omitted.info()));
    }

    public Report withFindings(List<Finding> kept, List<Suppressed> hidden, List<String> extraNotices) {
        List<String> n = new java.util.ArrayList<>(notices);
        n.addAll(extraNotices);
        return new Report(oldFile, newFile, oldVersion, newVersion, kept, hidden, n, omitted);
    }
}

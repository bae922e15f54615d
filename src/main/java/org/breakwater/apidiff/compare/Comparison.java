package org.breakwater.apidiff.compare;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.breakwater.apidiff.report.Finding;
import org.breakwater.apidiff.report.Summary;

/**
 * What a comparison found.
 *
 * @param findings the findings listed, in report order (at most {@link CompareLimits#maxFindings()}
 *                 of them, the most severe kept, plus a {@code comparison-incomplete} finding
 *                 when the comparison stopped early)
 * @param omitted  findings made but not listed, by level
 * @param stop     why the comparison stopped before the end, if it did
 */
public record Comparison(List<Finding> findings, Summary omitted, Optional<Stop> stop) {
    public Comparison {
        findings = List.copyOf(findings);
        Objects.requireNonNull(omitted);
        Objects.requireNonNull(stop);
    }

    /** Why a comparison ended early, after how many steps, in words for the report. */
    public record Stop(Reason reason, long steps, String message) {
        public enum Reason { STEPS, TIME }
    }
}

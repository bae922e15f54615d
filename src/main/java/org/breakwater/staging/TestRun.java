package org.breakwater.staging;

import java.util.Objects;

/** One run of a suite set: an id the caller chooses (a run number, a timestamp) and its report. */
public record TestRun(String id, TestReport report) {
    public TestRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(report, "report");
    }
}

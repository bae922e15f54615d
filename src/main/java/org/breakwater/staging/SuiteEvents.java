package org.breakwater.staging;

import java.util.List;

/** Hears of tests run for the first time in a suite (for the bus: "added an end-to-end test"). */
public interface SuiteEvents {
    void testsAdded(StagingSuite suite, SuiteRun run, List<TestId> added);

    SuiteEvents NONE = (s, r, a) -> { };
}

package org.breakwater.staging;

/** How one test case ended in one run. A test that passed only on a rerun is {@link #PASSED}. */
public enum TestStatus {
    PASSED, FAILED, ERROR, SKIPPED;

    /** Failed or errored: what breaks a pass streak and makes a suite red. */
    public boolean broken() {
        return this == FAILED || this == ERROR;
    }

    /** Passed or broken: the test ran to a verdict (a skip is no verdict). */
    public boolean ran() {
        return this != SKIPPED;
    }
}

package org.breakwater.staging;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One run's results: the suites as the file named them (in file order) and every test case.
 * {@link #totals()} counts the cases themselves, not the counts a tool wrote in attributes (which
 * tools get wrong: pytest's xunit1 counts skips as tests, some writers omit them).
 */
public record TestReport(List<Suite> suites, List<TestCaseResult> cases) {
    public TestReport {
        suites = List.copyOf(suites);
        cases = List.copyOf(cases);
    }

    /**
     * A {@code <testsuite>} as written: its name, host (Playwright writes the project there) and
     * the time the tool recorded for it (zero when absent).
     */
    public record Suite(String name, String hostname, Duration time) {
        public Suite {
            Objects.requireNonNull(name, "name");
            hostname = Objects.requireNonNullElse(hostname, "");
            Objects.requireNonNull(time, "time");
        }
    }

    /** Counts over a report's cases; {@code time} sums the cases' durations. */
    public record Totals(int tests, int passed, int failures, int errors, int skipped, Duration time) {
    }

    public Totals totals() {
        int passed = 0, failures = 0, errors = 0, skipped = 0;
        Duration time = Duration.ZERO;
        for (TestCaseResult c : cases) {
            switch (c.status()) {
                case PASSED -> passed++;
                case FAILED -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
            }
            time = time.plus(c.duration());
        }
        return new Totals(cases.size(), passed, failures, errors, skipped, time);
    }
}

package org.breakwater.staging;

import java.time.Duration;
import java.util.Objects;

/**
 * One test case in one run. {@code message} is the failure, error or skip message (or the first
 * line of its text when the tool wrote no message attribute), {@code details} its text (a stack
 * trace, usually), {@code output} the case's {@code system-out} and {@code system-err}; the reader
 * bounds all three. {@code reruns} counts the reruns a tool recorded (Surefire's
 * {@code rerunFailure}/{@code flakyFailure} and their error forms): a {@link TestStatus#PASSED}
 * case with reruns passed only on a rerun.
 */
public record TestCaseResult(String suite, String classname, String name, TestStatus status, Duration duration,
                             String message, String details, String output, int reruns) {
    public TestCaseResult {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(classname, "classname");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        message = Objects.requireNonNullElse(message, "");
        details = Objects.requireNonNullElse(details, "");
        output = Objects.requireNonNullElse(output, "");
        if (duration.isNegative()) throw new IllegalArgumentException("negative duration: " + duration);
        if (reruns < 0) throw new IllegalArgumentException("negative reruns: " + reruns);
    }

    /** A passing case with no message or output (for tests and callers building runs by hand). */
    public static TestCaseResult of(String suite, String classname, String name, TestStatus status,
                                    Duration duration) {
        return new TestCaseResult(suite, classname, name, status, duration, "", "", "", 0);
    }

    public TestId id() {
        return TestId.of(classname, name);
    }

    /** Passed, but only after at least one failing attempt in the same run. */
    public boolean passedOnRerun() {
        return status == TestStatus.PASSED && reruns > 0;
    }
}

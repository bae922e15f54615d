package org.breakwater.staging.junit;

import java.time.Duration;
import org.breakwater.staging.TestCaseResult;
import org.breakwater.staging.TestStatus;

/**
 * One {@code <testcase>} while it is read. With several outcome elements the worst one counts. The
 * message is the outcome's {@code message} attribute, else the first line of its text, else its type.
 */
final class CaseBuilder {
    private final String suite;
    private final String classname;
    private final String name;
    private final Duration duration;
    private final JunitLimits limits;
    private final BoundedText details;
    private final BoundedText output;
    private TestStatus status = TestStatus.PASSED;
    private String message = "";
    private String type = "";
    private int reruns;

    CaseBuilder(String suite, String classname, String name, Duration duration, JunitLimits limits) {
        this.suite = suite;
        this.classname = classname;
        this.name = name;
        this.duration = duration;
        this.limits = limits;
        this.details = new BoundedText(limits.maxDetailsChars());
        this.output = new BoundedText(limits.maxOutputChars());
    }

    /** A failure, error or skip: returns where its text goes (null when a worse outcome is already recorded). */
    BoundedText outcome(TestStatus outcome, String message, String type) {
        if (status != TestStatus.PASSED && severity(outcome) <= severity(status)) return null;
        status = outcome;
        this.message = BoundedText.cut(message.strip(), limits.maxMessageChars());
        this.type = BoundedText.cut(type.strip(), limits.maxMessageChars());
        return details;
    }

    BoundedText output() {
        if (!output.isEmpty()) output.append("\n");
        return output;
    }

    void rerun() {
        reruns++;
    }

    TestCaseResult build() {
        String detailText = details.text();
        String msg = message;
        if (msg.isBlank()) msg = BoundedText.firstLine(detailText, limits.maxMessageChars());
        if (msg.isBlank()) msg = type;
        return new TestCaseResult(suite, classname, name, status, duration, msg, detailText, output.text(), reruns);
    }

    private static int severity(TestStatus s) {
        return switch (s) {
            case PASSED -> 0;
            case SKIPPED -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }
}

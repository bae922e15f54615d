package org.breakwater.staging.junit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamReader;
import org.breakwater.staging.TestCaseResult;
import org.breakwater.staging.TestReport;
import org.breakwater.staging.TestStatus;

/**
 * The state of one read: which suites are open, the case being read and where its text goes.
 * Elements the dialects add that carry no result ({@code properties}, suite-level output,
 * the text of reruns, anything unknown) are skipped with all they contain.
 */
final class JunitParse {
    /** A refusal at a place in the file; carries no stack trace (it is an answer, not a bug). */
    static final class Refusal extends RuntimeException {
        final long line;
        final long column;

        Refusal(String reason, long line, long column) {
            super(reason, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private static final double MAX_SECONDS = 1e7; // about 115 days: anything longer is not a test's time

    private final JunitLimits limits;
    private final Deque<String> suiteNames = new ArrayDeque<>();
    private final List<TestReport.Suite> suites = new ArrayList<>();
    private final List<TestCaseResult> cases = new ArrayList<>();
    private int depth;
    private int skipFrom = -1; // depth of the element being skipped, -1 when none
    private CaseBuilder current;
    private int caseDepth;
    private BoundedText target;

    JunitParse(JunitLimits limits) {
        this.limits = limits;
    }

    static Refusal refusal(XMLStreamReader xml, String reason) {
        Location at = xml.getLocation();
        return new Refusal(reason, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
    }

    void start(XMLStreamReader xml) {
        depth++;
        if (skipFrom >= 0) return;
        String element = xml.getLocalName();
        if (depth == 1) {
            if (!element.equals("testsuites") && !element.equals("testsuite")) {
                throw refusal(xml, "not a JUnit XML report: the root element is <" + element
                        + ">, not <testsuites> or <testsuite>");
            }
            if (element.equals("testsuite")) startSuite(xml);
            return;
        }
        if (current != null) {
            startInCase(xml, element);
        } else if (element.equals("testsuite")) {
            startSuite(xml);
        } else if (element.equals("testcase")) {
            startCase(xml);
        } else {
            skipFrom = depth;
        }
    }

    void end(XMLStreamReader xml) {
        if (skipFrom >= 0) {
            if (depth == skipFrom) skipFrom = -1;
        } else if (current != null && depth == caseDepth) {
            endCase();
        } else if (current != null) {
            target = null;
        } else if (xml.getLocalName().equals("testsuite")) {
            suiteNames.pop();
        }
        depth--;
    }

    void text(XMLStreamReader xml) {
        if (target != null && skipFrom < 0) target.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
    }

    TestReport report(XMLStreamReader xml) {
        if (depth != 0) throw refusal(xml, "the report ends before its root element is closed");
        return new TestReport(suites, cases);
    }

    private void startSuite(XMLStreamReader xml) {
        String name = attribute(xml, "name");
        if (name.isBlank()) name = suiteNames.isEmpty() ? "(unnamed suite)" : suiteNames.peek();
        suiteNames.push(name);
        suites.add(new TestReport.Suite(name, attribute(xml, "hostname"), seconds(xml)));
    }

    private void startCase(XMLStreamReader xml) {
        if (cases.size() >= limits.maxCases()) {
            throw refusal(xml, "more than " + limits.maxCases() + " test cases in one report");
        }
        String name = attribute(xml, "name");
        if (name.isBlank()) throw refusal(xml, "a <testcase> without a name");
        String suite = suiteNames.isEmpty() ? "(no suite)" : suiteNames.peek();
        String classname = attribute(xml, "classname");
        current = new CaseBuilder(suite, classname.isBlank() ? suite : classname, name, seconds(xml), limits);
        caseDepth = depth;
    }

    private void startInCase(XMLStreamReader xml, String element) {
        if (depth != caseDepth + 1) { // inside failure, system-out...: nothing nested there counts
            skipFrom = depth;
            return;
        }
        switch (element) {
            case "failure" -> target = current.outcome(TestStatus.FAILED, attribute(xml, "message"), attribute(xml, "type"));
            case "error" -> target = current.outcome(TestStatus.ERROR, attribute(xml, "message"), attribute(xml, "type"));
            case "skipped" -> target = current.outcome(TestStatus.SKIPPED, attribute(xml, "message"), attribute(xml, "type"));
            case "system-out", "system-err" -> target = current.output();
            case "rerunFailure", "rerunError", "flakyFailure", "flakyError" -> {
                current.rerun();
                skipFrom = depth;
            }
            case "testcase" -> throw refusal(xml, "a <testcase> inside a <testcase>");
            default -> skipFrom = depth;
        }
    }

    private void endCase() {
        cases.add(current.build());
        current = null;
        target = null;
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** The {@code time} attribute in seconds ("1.5", "1,234.5" as old Surefire wrote it); zero when absent. */
    private static Duration seconds(XMLStreamReader xml) {
        String raw = attribute(xml, "time").strip();
        if (raw.isEmpty()) return Duration.ZERO;
        double seconds;
        try {
            seconds = Double.parseDouble(raw.indexOf(',') >= 0 ? raw.replace(",", "") : raw);
        } catch (NumberFormatException e) {
            throw refusal(xml, "time=\"" + BoundedText.cut(raw, 40) + "\" is not a number of seconds");
        }
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
            throw refusal(xml, "time=\"" + BoundedText.cut(raw, 40) + "\" is out of range (0 to " + (long) MAX_SECONDS
                    + " seconds)");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}

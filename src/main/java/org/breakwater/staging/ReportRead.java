package org.breakwater.staging;

/**
 * What reading a test report gives: the report, or why it was refused (malformed XML, a DOCTYPE,
 * too large, too many cases, a value that is not what the format says), with the place in the
 * file where there is one.
 */
public sealed interface ReportRead permits ReportRead.Read, ReportRead.Refused {
    record Read(TestReport report) implements ReportRead {
    }

    /** {@code line} and {@code column} are 1-based; 0 when the refusal has no place in the file. */
    record Refused(String source, long line, long column, String reason) implements ReportRead {
        /** {@code source:line:column: reason}, or {@code source: reason} without a place. */
        public String message() {
            return line > 0 ? source + ":" + line + ":" + column + ": " + reason : source + ": " + reason;
        }
    }
}

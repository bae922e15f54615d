package org.breakwater.traffic.parse;

/**
 * A line that could not be parsed, kept as a sample: where it is ({@code source:line:column}),
 * why, and the start of its text.
 */
public record MalformedLine(String source, long lineNumber, int column, String reason, String excerpt) {

    /** {@code access.log:12:5: malformed request line}. */
    public String message() {
        return source + ":" + lineNumber + ":" + column + ": " + reason;
    }
}

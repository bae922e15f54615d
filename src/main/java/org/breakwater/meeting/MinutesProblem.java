package org.breakwater.meeting;

/** Raised inside one read and turned into a {@link ReadResult.Refused} by {@link MinutesReader}; never escapes it. */
final class MinutesProblem extends RuntimeException {
    private final int line;
    private final int column;

    MinutesProblem(String reason, int line, int column) {
        super(reason, null, false, false);
        this.line = line;
        this.column = column;
    }

    MinutesProblem(String reason) {
        this(reason, 0, 0);
    }

    ReadResult.Refused refused() {
        return new ReadResult.Refused(getMessage(), line, column);
    }
}

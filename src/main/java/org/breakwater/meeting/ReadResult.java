package org.breakwater.meeting;

/** What reading a minutes file gives: the minutes, or a one-line reason it was refused. */
public sealed interface ReadResult permits ReadResult.Read, ReadResult.Refused {

    record Read(Minutes minutes) implements ReadResult {
    }

    /**
     * @param line   1-based, 0 when the reason is about the whole file
     * @param column 1-based, 0 when not known
     */
    record Refused(String reason, int line, int column) implements ReadResult {
        /** "infrastructure.txt:12:3: reason", or "infrastructure.txt: reason" without a position. */
        public String message(String source) {
            if (line < 1) {
                return source + ": " + reason;
            }
            return source + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason;
        }
    }
}

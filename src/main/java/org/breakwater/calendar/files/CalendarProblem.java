package org.breakwater.calendar.files;

import java.util.Objects;

/**
 * What is wrong with a calendar file, and where: {@code file:line:column: message}. Line and
 * column are 1-based; 0 means not known (an iCalendar problem has a line but no column).
 */
public record CalendarProblem(String file, int line, int column, String message) {
    public CalendarProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}

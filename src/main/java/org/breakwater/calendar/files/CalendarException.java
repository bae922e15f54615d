package org.breakwater.calendar.files;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A calendar file that cannot be read: every problem found, each at its place. The message is
 * the problems, one a line, as {@code file:line[:column]: message}.
 */
public final class CalendarException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<CalendarProblem> problems;

    public CalendarException(List<CalendarProblem> problems) {
        super(problems.stream().map(CalendarProblem::toString).collect(Collectors.joining("\n")), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a calendar exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public CalendarException(String file, int line, String message) {
        this(List.of(new CalendarProblem(file, line, 0, message)));
    }

    public List<CalendarProblem> problems() {
        return problems;
    }

    /** The file of the first problem. */
    public String file() {
        return problems.get(0).file();
    }

    /** The line of the first problem (1-based; 0 if not known). */
    public int line() {
        return problems.get(0).line();
    }
}

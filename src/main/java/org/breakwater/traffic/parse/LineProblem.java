package org.breakwater.traffic.parse;

/**
 * Why a line could not be parsed: the 1-based column where parsing stopped and a short reason.
 * Malformed lines are expected in real logs, so this is a value, not an exception.
 */
public record LineProblem(int column, String reason) implements ParseResult {
    public LineProblem {
        if (column < 1) throw new IllegalArgumentException("column must be >= 1: " + column);
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason is required");
    }
}

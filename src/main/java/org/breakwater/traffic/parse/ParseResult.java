package org.breakwater.traffic.parse;

/** What {@link LogFormat#parse(String)} makes of one line: a record or the reason it is not one. */
public sealed interface ParseResult permits LogRecord, LineProblem {}

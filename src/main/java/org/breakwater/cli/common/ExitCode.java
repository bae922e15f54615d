package org.breakwater.cli.common;

/** The exit codes every command uses. */
public final class ExitCode {
    /** All well. */
    public static final int OK = 0;
    /** The check failed: breaking changes found, an invalid catalog, cannot deploy. */
    public static final int CHECK_FAILED = 1;
    /** Usage or input error: the message says what to fix. */
    public static final int INPUT_ERROR = 2;
    /** A bug in Breakwater or broken infrastructure (the database is unreachable). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {
    }
}

package org.breakwater.staging;

import java.util.Optional;

/**
 * How a suite's run ended. Only {@link #PASSED} is green. {@link #ERROR}: the suite could not be
 * judged (the command is missing, no JUnit XML was written, it was refused, no secret key);
 * {@link #INTERRUPTED}: Breakwater stopped while it ran (found on the next start).
 */
public enum RunStatus {
    RUNNING, PASSED, FAILED, ERROR, TIMED_OUT, INTERRUPTED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<RunStatus> parse(String text) {
        for (RunStatus s : values()) {
            if (s.id().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

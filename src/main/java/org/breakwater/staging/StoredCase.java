package org.breakwater.staging;

import java.time.Duration;
import java.util.Objects;

/** A test case as a run keeps it: its id, status, duration, reruns and message (redacted, bounded). */
public record StoredCase(TestId id, TestStatus status, Duration duration, int reruns, String message) {
    public StoredCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        message = Objects.requireNonNullElse(message, "");
    }
}

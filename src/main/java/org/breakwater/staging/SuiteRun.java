package org.breakwater.staging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One run of a suite: how it ended, who or what started it ({@code trigger}: schedule, cli,
 * deployment, web), when, the process's exit code, the versions {@code environment} ran then (from
 * the deployment records, per covered service), a one-line {@code message}, the captured output
 * (bounded, secrets redacted) and the counts of the test cases read.
 */
public record SuiteRun(long id, String suite, RunStatus status, String trigger, Instant started,
                       Optional<Instant> finished, Optional<Integer> exitCode, Map<String, String> versions,
                       String message, String output, int tests, int failures, int skipped) {
    public SuiteRun {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(exitCode, "exitCode");
        versions = java.util.Collections.unmodifiableMap(new TreeMap<>(versions));
        message = Objects.requireNonNullElse(message, "");
        output = Objects.requireNonNullElse(output, "");
    }

    public boolean green() {
        return status == RunStatus.PASSED;
    }

    public Optional<Duration> duration() {
        return finished.map(f -> Duration.between(started, f));
    }
}

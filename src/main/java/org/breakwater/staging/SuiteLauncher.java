package org.breakwater.staging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a suite's command as a real process (org.breakwater.staging.run) and reads what it wrote. */
public interface SuiteLauncher {
    /**
     * Runs {@code suite} with {@code secrets} in its environment, calling {@code heartbeat} now and
     * then while it runs; test reports written before it started are not read.
     */
    Launch launch(StagingSuite suite, Map<String, String> secrets, Runnable heartbeat);

    /**
     * What a launch gave: the exit code (none when it never started or was killed), whether it was
     * killed at its timeout, the captured output (bounded, secrets redacted), the reports read, and
     * a problem that kept it from running or from being judged (command missing, no report written).
     */
    record Launch(Optional<Integer> exitCode, boolean timedOut, String output, List<ReportRead> reports,
                  Optional<String> problem) {
        public Launch {
            reports = List.copyOf(reports);
        }
    }
}

package org.breakwater.deployday.detect;

import java.time.Instant;

/**
 * What the detector found for one caller (and operation): calls failing past the thresholds,
 * calls to an operation the new description removed, or a consumer gone silent.
 *
 * @param operation  the operation's key (for a removed one, its key in the description before)
 * @param since      the first failing (or, silent, the cut-over) moment
 * @param detectedAt when the thresholds were first met in the log's time: when it was, or
 *                   from logs read later would have been, detected
 * @param errorClass the error classes seen ("4xx", "5xx" or "4xx/5xx"), empty when none
 */
public record Breakage(Kind kind, String caller, boolean known, String operation, long calls, long errors,
                       String errorClass, double before, Instant since, Instant detectedAt, int otherOperations) {
    /** Why it was flagged. */
    public enum Kind {
        FAILING, REMOVED, SILENT
    }
}

package org.breakwater.traffic;

import java.time.Instant;

/**
 * Calls of one caller to one operation (or unmatched path) in one time bucket, by response status
 * class: what the breakage detector compares before and after a cut-over. 1xx answers are not
 * counted (a request still under way, not an outcome).
 */
public record StatusCount(String service, String environment, String caller, boolean known, String operation,
                          Instant bucket, long ok, long redirects, long clientErrors, long serverErrors) {
    public long calls() {
        return ok + redirects + clientErrors + serverErrors;
    }

    /** Calls answered 4xx or 5xx. */
    public long errors() {
        return clientErrors + serverErrors;
    }
}

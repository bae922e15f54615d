package org.breakwater.staging;

import java.time.Instant;
import java.util.Objects;

/**
 * When a suite is next due and why: {@link #SCHEDULE} (its cron) or {@link #DEPLOYMENT} (a deployment
 * recorded to its environment made it due now). The run it starts is recorded with {@code reason}
 * as its trigger.
 */
public record Due(Instant at, String reason) {
    public static final String SCHEDULE = "schedule";
    public static final String DEPLOYMENT = "deployment";

    public Due {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}

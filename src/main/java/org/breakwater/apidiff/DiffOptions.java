package org.breakwater.apidiff;

import java.time.Clock;
import java.util.Objects;
import org.breakwater.apidiff.spec.ReadLimits;

/**
 * How a comparison runs.
 *
 * @param limits bounds on reading each description
 * @param clock  gives "today" for judging x-sunset dates
 */
public record DiffOptions(ReadLimits limits, Clock clock) {
    public DiffOptions {
        Objects.requireNonNull(limits);
        Objects.requireNonNull(clock);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(ReadLimits.defaults(), Clock.systemUTC());
    }
}

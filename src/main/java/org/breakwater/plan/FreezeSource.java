package org.breakwater.plan;

import java.time.Instant;
import java.util.List;

/** The freezes of the release calendar that overlap a time span. */
public interface FreezeSource {
    List<FreezeWindow> freezes(Instant from, Instant to);

    static FreezeSource none() {
        return (from, to) -> List.of();
    }
}

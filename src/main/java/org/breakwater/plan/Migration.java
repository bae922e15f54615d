package org.breakwater.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One affected consumer of a plan and how far its migration has come.
 *
 * @param consumer a catalog consumer's name, or an unknown caller as the logs describe it
 * @param known whether {@code consumer} is in the catalog (an unknown caller must be named there)
 * @param service the consumer's own service in the catalog, if it has one (for the essential-services gate)
 * @param declared the catalog says it uses what the release breaks
 * @param observed the logs show it calling what the release breaks (in the plan's environment, recently)
 * @param why what the state rests on: the evidence recorded, or what the logs show
 * @param stillCalls the broken operations it called in the plan's environment, with counts
 * @param warnings what needs a look, such as a production host of it calling staging
 */
public record Migration(String consumer, boolean known, Optional<String> service, boolean declared, boolean observed,
                        MigrationState state, String why, List<Call> stillCalls, List<String> warnings) {
    public Migration {
        stillCalls = List.copyOf(stillCalls);
        warnings = List.copyOf(warnings);
    }

    /** Calls to one broken operation: how many and when last. */
    public record Call(String operation, long calls, Instant lastSeen) {
    }

    public Migration with(MigrationState newState, String newWhy) {
        return new Migration(consumer, known, service, declared, observed, newState, newWhy, stillCalls, warnings);
    }
}

package org.breakwater.catalog;

import java.util.List;

/**
 * A consumer reached by a change to a provider's operation.
 *
 * @param consumer its catalog entry, carrying only the use through which the change reaches it
 * @param depth 1 when it calls the operation itself; 2 and more when it uses a service that
 *              does (transitively), following the chain in {@code via}
 * @param via   the services between the provider and this consumer, provider first
 * @param uses  what it uses of the last service in {@code via} (empty: the whole API)
 */
public record AffectedConsumer(Consumer consumer, int depth, List<String> via, List<OperationRef> uses) {
    public AffectedConsumer {
        via = List.copyOf(via);
        uses = List.copyOf(uses);
    }
}

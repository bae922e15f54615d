package org.breakwater.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored catalog. Implementations: {@code JdbiCatalogRepository} on SQLite and PostgreSQL. */
public interface CatalogRepository {
    /** Everything, as the YAML files would say it (retired services left out). */
    Catalog load();

    /**
     * Makes the stored catalog equal to {@code catalog}, all or nothing. Services missing from
     * it are retired, not deleted, so their deployment history stays; everything else that
     * is missing is removed. Doing it twice changes nothing the second time.
     *
     * @param declaredApis the API description each service's catalog entry names, by service
     */
    ImportSummary replace(Catalog catalog, Map<String, ApiDescription> declaredApis);

    /** The active services, in name order. */
    List<Service> services();

    /** An active (not retired) service. */
    Optional<Service> service(String name);

    List<Environment> environments();

    /** The API description a service's catalog entry declares, if any. */
    Optional<String> declaredApi(String service);

    /** Every use of every consumer, with the consumer's entry: the consumer graph. */
    List<ReachedUse> uses();

    /** Raised by every {@link #replace}: a graph read at an older generation is stale. */
    long generation();

    /**
     * One use by a consumer, with the consumer's own entry.
     *
     * @param seed      a use of the asked operation of the asked service (a first step of a reach)
     * @param operation empty for a use of the whole API
     */
    record ReachedUse(String consumer, ConsumerKind kind, Optional<String> consumerService, String owner,
                      Optional<String> contact, Optional<String> description, String provider, boolean seed,
                      Optional<OperationRef> operation) {
    }

    /** What an import changed. */
    record ImportSummary(int added, int changed, int removed, int retired) {
        public boolean unchanged() {
            return added == 0 && changed == 0 && removed == 0 && retired == 0;
        }
    }
}

package org.breakwater.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Releases, their API descriptions and deployment records. */
public interface DeploymentRepository {
    /**
     * Stores a deployment, creating its release (with {@code api}, when given) if it is new,
     * in one transaction.
     */
    Deployment record(NewDeployment deployment, Optional<ApiDescription> api, Instant recordedAt);

    Optional<Release> release(String service, String version);

    Optional<ApiDescription> description(String hash);

    /** Stores a description unless one with its hash is there already. */
    void storeDescription(ApiDescription description, Instant at);

    /** What ran where at {@code at}: one entry per service and environment. */
    List<Placement> where(Optional<String> service, Instant at);

    /** The newest deployments first. */
    List<Deployment> history(String service, Optional<String> environment, int limit);

    /**
     * Deletes deployment records older than {@code before}, except the newest of each service
     * and environment (what runs there now is never forgotten). Returns how many went.
     */
    int prune(Instant before);
}

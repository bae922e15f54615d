package org.breakwater.deployday.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Incidents and their history. Implementation: {@code JdbiIncidentRepository}. */
public interface IncidentRepository {
    /** An incident and whether this call opened it (false: one with the same key was there already). */
    record Opened(Incident incident, boolean created) {
    }

    /**
     * Opens the incident with its "opened" event, in one transaction; when {@code incident.key()}
     * is taken (another instance or an earlier run opened it), returns that one, not created.
     */
    Opened open(NewIncident incident, Instant recordedAt);

    Optional<Incident> incident(long id);

    Optional<Incident> byKey(String key);

    /** Incidents matching the filter, newest first, at most {@code limit}. */
    List<Incident> list(Filter filter, int limit);

    /** Which incidents to list; empty fields match all. */
    record Filter(Optional<IncidentStatus> status, Optional<String> service, Optional<Long> planId, boolean activeOnly) {
        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
    }

    /**
     * Saves {@code changed} with {@code event}, in one transaction, if the stored incident still
     * has status {@code expected}: false (nothing written) when another change came first.
     */
    boolean update(Incident changed, IncidentStatus expected, IncidentEvent event);

    List<IncidentEvent> events(long incidentId);
}

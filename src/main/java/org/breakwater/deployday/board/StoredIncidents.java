package org.breakwater.deployday.board;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.IncidentStatus;

/**
 * A plan's incidents from the incident store (org.breakwater.deployday.incident), oldest first;
 * duplicates merged into another are left out (the one they were merged into stands for them).
 */
public final class StoredIncidents implements DayIncidents {
    /** At most this many incidents of one plan are read. */
    static final int LIMIT = 1_000;

    private final IncidentRepository incidents;

    public StoredIncidents(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<DayIncident> forPlan(long planId) {
        return incidents.list(new IncidentRepository.Filter(Optional.empty(), Optional.empty(), Optional.of(planId),
                        false), LIMIT).stream().filter(i -> i.status() != IncidentStatus.MERGED)
                .sorted(Comparator.comparing(Incident::detectedAt))
                .map(i -> new DayIncident(i.id(), i.title(), i.severity().id(), i.consumer(), i.operation(),
                        i.firstFailingAt(), i.detectedAt(), i.acknowledgedAt(), i.resolvedAt())).toList();
    }
}

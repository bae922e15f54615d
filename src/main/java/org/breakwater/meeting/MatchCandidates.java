package org.breakwater.meeting;

import java.util.List;

/**
 * What the minutes may be matched to: the plans not yet done, and every service in the catalog
 * (names from {@code catalog.Service#name()}).
 */
public record MatchCandidates(List<PlanCandidate> plans, List<String> services) {
    public MatchCandidates {
        plans = List.copyOf(plans);
        services = services.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
    }
}

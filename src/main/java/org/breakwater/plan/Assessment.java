package org.breakwater.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.breakwater.catalog.AffectedConsumer;

/**
 * A plan judged as a whole: each release's assessment, the consumers every break reaches
 * grouped by owning team (outside teams flagged), and the policy verdict for the plan.
 *
 * @param outsideTeams the teams that are not part of infrastructure, among the owners
 * @param policyHash   which policy text judged it
 * @param consumersByTeam every affected consumer, once (at its shortest distance), by owning team
 *     (teams in name order); worked out once from the releases, as pages and gates ask often
 */
public record Assessment(Plan plan, List<ReleaseAssessment> releases, List<String> outsideTeams,
                         PolicyVerdict verdict, String policyHash, Map<String, List<AffectedConsumer>> consumersByTeam) {
    public Assessment {
        releases = List.copyOf(releases);
        outsideTeams = List.copyOf(outsideTeams);
        Map<String, List<AffectedConsumer>> copy = new TreeMap<>();
        consumersByTeam.forEach((team, list) -> copy.put(team, List.copyOf(list)));
        consumersByTeam = java.util.Collections.unmodifiableMap(copy);
    }

    public Assessment(Plan plan, List<ReleaseAssessment> releases, List<String> outsideTeams, PolicyVerdict verdict,
                      String policyHash) {
        this(plan, releases, outsideTeams, verdict, policyHash, byTeam(releases));
    }

    private static Map<String, List<AffectedConsumer>> byTeam(List<ReleaseAssessment> releases) {
        Map<String, AffectedConsumer> unique = new LinkedHashMap<>();
        for (ReleaseAssessment r : releases) {
            for (BreakImpact i : r.impacts()) {
                for (AffectedConsumer a : i.consumers()) {
                    unique.merge(a.consumer().name(), a, (x, y) -> x.depth() <= y.depth() ? x : y);
                }
            }
        }
        Map<String, List<AffectedConsumer>> byTeam = new TreeMap<>();
        unique.values().forEach(a -> byTeam.computeIfAbsent(a.consumer().owner(), k -> new ArrayList<>()).add(a));
        return byTeam;
    }

    public boolean breaks() {
        return releases.stream().anyMatch(ReleaseAssessment::breaks);
    }

    /** The releases whose API was not compared, so whether they break is unknown. */
    public List<ReleaseAssessment> unchecked() {
        return releases.stream().filter(ReleaseAssessment::breaksUnknown).toList();
    }
}

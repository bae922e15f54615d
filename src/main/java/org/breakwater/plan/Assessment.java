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
 */
public record Assessment(Plan plan, List<ReleaseAssessment> releases, List<String> outsideTeams,
                         PolicyVerdict verdict, String policyHash) {
    public Assessment {
        releases = List.copyOf(releases);
        outsideTeams = List.copyOf(outsideTeams);
    }

    /** Every affected consumer, once, by owning team (teams in name order). */
    public Map<String, List<AffectedConsumer>> consumersByTeam() {
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
}

package org.breakwater.deployday.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.plan.Evidence;
import org.breakwater.policy.Policy;

/**
 * What the roster still lacks: firefighters short, outside teams with no confirmed contact, owners
 * who have not confirmed. Counted as the roster gate counts them: confirmations and evidence
 * recorded by hand alike ({@code evidence}: the gate's, both kinds).
 */
final class RosterGaps {
    private RosterGaps() {
    }

    static List<String> unconfirmed(List<RosterMember> members, List<Evidence> evidence, Policy.RosterRule rule,
                                    List<String> outsideTeams) {
        List<String> gaps = new ArrayList<>();
        long firefighters = evidence.stream().filter(e -> e.note().filter("firefighter"::equals).isPresent())
                .map(Evidence::evidence).distinct().count();
        if (firefighters < rule.firefighters()) {
            gaps.add((rule.firefighters() - firefighters) + " of " + rule.firefighters()
                    + " firefighter(s) not confirmed yet");
        }
        if (rule.outsideTeamContacts()) {
            Set<String> teams = new LinkedHashSet<>(outsideTeams);
            members.stream().filter(m -> m.role() == RosterRole.CONTACT).map(RosterMember::team)
                    .flatMap(Optional::stream).forEach(teams::add);
            for (String team : teams) {
                if (evidence.stream().noneMatch(e -> e.note().filter(("contact:" + team)::equals).isPresent())) {
                    gaps.add("no confirmed contact from " + team);
                }
            }
        }
        members.stream().filter(m -> m.role() == RosterRole.OWNER && !m.confirmed())
                .forEach(m -> gaps.add("owner " + m.username() + " has not confirmed (" + m.reason() + ")"));
        return gaps;
    }
}

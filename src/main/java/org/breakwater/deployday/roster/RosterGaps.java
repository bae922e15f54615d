package org.breakwater.deployday.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breakwater.policy.Policy;

/** What the roster still lacks in confirmations: firefighters short, outside teams with no confirmed contact. */
final class RosterGaps {
    private RosterGaps() {
    }

    static List<String> unconfirmed(List<RosterMember> members, Policy.RosterRule rule, List<String> outsideTeams) {
        List<String> gaps = new ArrayList<>();
        long firefighters = members.stream().filter(m -> m.role() == RosterRole.FIREFIGHTER && m.confirmed()).count();
        if (firefighters < rule.firefighters()) {
            gaps.add((rule.firefighters() - firefighters) + " of " + rule.firefighters()
                    + " firefighter(s) not confirmed yet");
        }
        if (rule.outsideTeamContacts()) {
            Set<String> teams = new LinkedHashSet<>(outsideTeams);
            members.stream().filter(m -> m.role() == RosterRole.CONTACT).map(RosterMember::team)
                    .flatMap(Optional::stream).forEach(teams::add);
            for (String team : teams) {
                if (members.stream().noneMatch(m -> m.role() == RosterRole.CONTACT && m.confirmed()
                        && m.team().filter(team::equals).isPresent())) {
                    gaps.add("no confirmed contact from " + team);
                }
            }
        }
        members.stream().filter(m -> m.role() == RosterRole.OWNER && !m.confirmed())
                .forEach(m -> gaps.add("owner " + m.username() + " has not confirmed (" + m.reason() + ")"));
        return gaps;
    }
}

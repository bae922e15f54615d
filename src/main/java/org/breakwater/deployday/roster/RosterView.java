package org.breakwater.deployday.roster;

import java.util.List;
import java.util.Optional;
import org.breakwater.plan.Plan;

/**
 * A plan's roster as the board, the CLI and the API show it: each person with the window in their
 * own time and a flag where it falls outside their day, and the gaps still open.
 */
public record RosterView(Plan plan, List<Line> lines, List<String> gaps) {
    public RosterView {
        lines = List.copyOf(lines);
        gaps = List.copyOf(gaps);
    }

    /**
     * @param name       the person's name from the catalog (the username when unknown there)
     * @param localWindow the window in their time zone
     * @param outsideDay why the window falls outside their day, if it does
     */
    public record Line(RosterMember member, String name, String email, String localWindow,
                       Optional<String> outsideDay) {
    }

    public long confirmed() {
        return lines.stream().filter(l -> l.member().confirmed()).count();
    }
}

package org.breakwater.deployday.postmortem;

import java.time.Instant;
import java.util.List;
import org.breakwater.announce.Announcement;
import org.breakwater.catalog.Deployment;
import org.breakwater.deployday.board.DayIncident;
import org.breakwater.deployday.board.Tick;
import org.breakwater.deployday.measures.DayMeasures;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.plan.PlanReport;

/** Everything the draft is written from, gathered by {@link PostMortemService}. */
public record PostMortemFacts(PlanReport report, List<Announcement> notices, List<Deployment> deployments,
                              List<Tick> checklist, List<RosterMember> roster, List<DayIncident> incidents,
                              DayMeasures measures, Instant written) {
    public PostMortemFacts {
        notices = List.copyOf(notices);
        deployments = List.copyOf(deployments);
        checklist = List.copyOf(checklist);
        roster = List.copyOf(roster);
        incidents = List.copyOf(incidents);
    }
}

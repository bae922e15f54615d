package org.breakwater.deployday.board;

import java.util.List;
import java.util.Optional;
import org.breakwater.deployday.roster.RosterView;
import org.breakwater.plan.Migration;
import org.breakwater.plan.Plan;

/** Everything the day's board shows of one plan. */
public record Board(Plan plan, List<Item> checklist, RosterView roster, List<DayIncident> incidents,
                    List<Migration> consumers, RollbackReadiness rollback, ErrorRates rates) {
    public Board {
        checklist = List.copyOf(checklist);
        incidents = List.copyOf(incidents);
        consumers = List.copyOf(consumers);
    }

    /** A checklist step and its tick, if ticked. */
    public record Item(ChecklistStep step, Optional<Tick> tick) {
    }

    /** The board refreshes itself while the plan is in progress, and while its end is settling. */
    public boolean live() {
        return plan.status() == org.breakwater.plan.PlanStatus.IN_PROGRESS || rates.watched();
    }
}

package org.breakwater.deployday.board;

import java.util.List;

/**
 * Where the board, the measures and the post-mortem read a plan's incidents: {@link StoredIncidents}
 * (the incident store) in the application, {@link #NONE} where a plan's incidents do not matter.
 */
public interface DayIncidents {
    List<DayIncident> forPlan(long planId);

    DayIncidents NONE = planId -> List.of();
}

package org.breakwater.deployday.board;

import java.util.List;

/**
 * THE INCIDENTS SEAM: where the board, the measures and the post-mortem read a plan's incidents.
 * The incidents of issue 16 items 2-4 are built in parallel in this package; {@code App} wires
 * their store here once they are on main. Until then {@link #NONE}: no plan has incidents.
 */
public interface DayIncidents {
    List<DayIncident> forPlan(long planId);

    DayIncidents NONE = planId -> List.of();
}

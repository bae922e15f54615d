package org.breakwater.plan;

import java.util.List;

/** A plan with its assessment and gate checklist, as `plan show` and the plan page present it. */
public record PlanReport(Plan plan, Assessment assessment, List<Gate> gates) {
    public PlanReport {
        gates = List.copyOf(gates);
    }

    public long met() {
        return gates.stream().filter(g -> g.state().passes()).count();
    }
}

package org.breakwater.plan;

import java.util.List;

/**
 * A plan with its assessment, gate checklist and consumer migrations, as `plan show` and the plan
 * page present it.
 */
public record PlanReport(Plan plan, Assessment assessment, List<Gate> gates, List<Migration> migrations) {
    public PlanReport {
        gates = List.copyOf(gates);
        migrations = List.copyOf(migrations);
    }

    public PlanReport(Plan plan, Assessment assessment, List<Gate> gates) {
        this(plan, assessment, gates, List.of());
    }

    public long met() {
        return gates.stream().filter(g -> g.state().passes()).count();
    }
}

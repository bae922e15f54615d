package org.breakwater.plan.cli;

import java.util.List;

/** Plan commands on SQLite. */
class PlanCliOnSqliteTest extends PlanCliContract {
    @Override
    List<String> store() {
        return List.of("--data-dir", dir.resolve("data").toString());
    }
}

package org.breakwater.plan.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** Plans on PostgreSQL. */
class PlanOnPostgresTest extends PlanContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

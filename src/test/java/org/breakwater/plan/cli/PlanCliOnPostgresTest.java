package org.breakwater.plan.cli;

import java.util.List;
import org.breakwater.store.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

/** Plan commands on PostgreSQL. */
class PlanCliOnPostgresTest extends PlanCliContract {
    private String url;

    @Override
    List<String> store() {
        if (url == null) {
            url = TestDatabases.newPostgresUrl();
        }
        return List.of("--db", url);
    }

    @BeforeEach
    void fresh() {
        // a new database per test: store() makes it on first use
    }
}

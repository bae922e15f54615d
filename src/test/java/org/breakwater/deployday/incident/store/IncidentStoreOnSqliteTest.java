package org.breakwater.deployday.incident.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** The incident store on Sqlite. */
class IncidentStoreOnSqliteTest extends IncidentStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}

package org.breakwater.deployday.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

class DayStoreOnSqliteTest extends DayStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}

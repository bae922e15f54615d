package org.breakwater.staging.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

class SuiteStoreOnPostgresTest extends SuiteStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

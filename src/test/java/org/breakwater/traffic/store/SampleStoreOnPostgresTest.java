package org.breakwater.traffic.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

class SampleStoreOnPostgresTest extends SampleStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

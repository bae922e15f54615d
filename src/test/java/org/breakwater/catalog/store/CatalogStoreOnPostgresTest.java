package org.breakwater.catalog.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** The store contract on PostgreSQL (embedded, started once for the test run). */
class CatalogStoreOnPostgresTest extends CatalogStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

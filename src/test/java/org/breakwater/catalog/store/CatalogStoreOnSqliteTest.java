package org.breakwater.catalog.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** The store contract on SQLite, the default. */
class CatalogStoreOnSqliteTest extends CatalogStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}

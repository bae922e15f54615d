package org.breakwater.auth.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** Tokens and audit on PostgreSQL. */
class AccessStoreOnPostgresTest extends AccessStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

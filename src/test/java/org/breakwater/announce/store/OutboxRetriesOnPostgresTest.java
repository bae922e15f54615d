package org.breakwater.announce.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

class OutboxRetriesOnPostgresTest extends OutboxRetriesContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

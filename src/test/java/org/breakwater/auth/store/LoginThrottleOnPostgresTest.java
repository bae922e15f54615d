package org.breakwater.auth.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** Login throttling on PostgreSQL. */
class LoginThrottleOnPostgresTest extends LoginThrottleContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

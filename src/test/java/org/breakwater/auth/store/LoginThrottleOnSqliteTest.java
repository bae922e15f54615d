package org.breakwater.auth.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** Login throttling on SQLite. */
class LoginThrottleOnSqliteTest extends LoginThrottleContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}

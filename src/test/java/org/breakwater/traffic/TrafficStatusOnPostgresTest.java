package org.breakwater.traffic;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.store.TestDatabases;

/** Status classes in traffic counts on PostgreSQL. */
class TrafficStatusOnPostgresTest extends TrafficStatusContract {
    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.of(TestDatabases.newPostgresUrl()), dir);
    }
}

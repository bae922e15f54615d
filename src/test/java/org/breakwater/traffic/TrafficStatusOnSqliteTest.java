package org.breakwater.traffic;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;

/** Status classes in traffic counts on SQLite. */
class TrafficStatusOnSqliteTest extends TrafficStatusContract {
    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.empty(), dir);
    }
}

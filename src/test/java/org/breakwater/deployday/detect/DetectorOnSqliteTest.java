package org.breakwater.deployday.detect;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;

/** The breakage detector on SQLite. */
class DetectorOnSqliteTest extends DetectorContract {
    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.empty(), dir);
    }
}

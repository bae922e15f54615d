package org.breakwater.deployday.board;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;

/** Rollback as one transaction on SQLite. */
class RollbackOnSqliteTest extends RollbackContract {
    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.empty(), dir);
    }
}

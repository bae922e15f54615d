package org.breakwater.deployday.board;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.store.TestDatabases;

/** Rollback as one transaction on PostgreSQL. */
class RollbackOnPostgresTest extends RollbackContract {
    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.of(TestDatabases.newPostgresUrl()), dir);
    }
}

package org.breakwater.deployday.roster;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;

/** The roster, its mails and links on SQLite. */
class RosterMailOnSqliteTest extends RosterMailContract {
    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.empty(), dir);
    }
}

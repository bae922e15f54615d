package org.breakwater.deployday.roster;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.store.TestDatabases;

/** The roster, its mails and links on PostgreSQL. */
class RosterMailOnPostgresTest extends RosterMailContract {
    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.of(TestDatabases.newPostgresUrl()), dir);
    }
}

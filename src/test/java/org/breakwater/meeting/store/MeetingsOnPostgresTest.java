package org.breakwater.meeting.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

class MeetingsOnPostgresTest extends MeetingContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

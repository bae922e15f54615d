package org.breakwater.meeting.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

class MeetingsOnSqliteTest extends MeetingContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}

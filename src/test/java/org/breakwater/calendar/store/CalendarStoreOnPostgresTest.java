package org.breakwater.calendar.store;

import java.nio.file.Path;
import org.breakwater.store.Database;
import org.breakwater.store.TestDatabases;

/** The calendar store on PostgreSQL. */
class CalendarStoreOnPostgresTest extends CalendarStoreContract {
    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}

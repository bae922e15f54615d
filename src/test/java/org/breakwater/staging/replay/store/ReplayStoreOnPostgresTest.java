package org.breakwater.staging.replay.store;

import java.nio.file.Path;
import java.time.Instant;
import org.breakwater.staging.StagingFixture;
import org.breakwater.store.TestDatabases;

class ReplayStoreOnPostgresTest extends ReplayStoreContract {
    @Override
    StagingFixture open(Path dir, Instant now) {
        return new StagingFixture(TestDatabases.newPostgresUrl(), now);
    }
}

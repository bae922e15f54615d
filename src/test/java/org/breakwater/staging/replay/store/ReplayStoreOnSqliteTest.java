package org.breakwater.staging.replay.store;

import java.nio.file.Path;
import java.time.Instant;
import org.breakwater.staging.StagingFixture;

class ReplayStoreOnSqliteTest extends ReplayStoreContract {
    @Override
    StagingFixture open(Path dir, Instant now) {
        return new StagingFixture(dir.resolve("store"), now);
    }
}

package org.breakwater.deployday.detect;

import java.nio.file.Path;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.store.TestDatabases;

/** The breakage detector on PostgreSQL. */
class DetectorOnPostgresTest extends DetectorContract {
    private String url;

    String url() {
        if (url == null) {
            url = TestDatabases.newPostgresUrl();
        }
        return url;
    }

    @Override
    App.Settings settings(Path dir) {
        return new App.Settings(Optional.of(url()), dir);
    }
}

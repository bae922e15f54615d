package org.breakwater.staging;

import java.nio.file.Path;
import org.breakwater.App;

class CoverageOnPostgresTest extends CoverageContract {
    @Override
    App open(Path dir) {
        return postgres();
    }
}

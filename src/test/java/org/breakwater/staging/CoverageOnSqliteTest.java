package org.breakwater.staging;

import java.nio.file.Path;
import org.breakwater.App;

class CoverageOnSqliteTest extends CoverageContract {
    @Override
    App open(Path dir) {
        return sqlite(dir);
    }
}

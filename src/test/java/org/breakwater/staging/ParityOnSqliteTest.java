package org.breakwater.staging;

import java.nio.file.Path;
import org.breakwater.App;

class ParityOnSqliteTest extends ParityContract {
    @Override
    App open(Path dir) {
        return sqlite(dir);
    }
}

package org.breakwater.staging;

import java.nio.file.Path;
import org.breakwater.App;

class ParityOnPostgresTest extends ParityContract {
    @Override
    App open(Path dir) {
        return postgres();
    }
}

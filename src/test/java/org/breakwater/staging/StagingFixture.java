package org.breakwater.staging;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.store.Database;

/** A store with the example catalog (pkgdb, bodhi, ...) imported, and a settable clock. */
public final class StagingFixture implements AutoCloseable {
    public final MutableClock clock;
    public final App app;

    public StagingFixture(Path dataDir, Instant now) {
        this.clock = new MutableClock(now);
        this.app = App.open(new App.Settings(Optional.empty(), dataDir), clock);
        importCatalog();
    }

    public StagingFixture(String databaseUrl, Instant now) {
        this.clock = new MutableClock(now);
        this.app = App.open(new App.Settings(Optional.of(databaseUrl), Path.of(".")), clock);
        importCatalog();
    }

    private void importCatalog() {
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("examples/catalog"))));
    }

    public Database database() {
        return app.database();
    }

    public void deploy(String service, String version, String environment) {
        app.catalog().recordDeployment(new NewDeployment(service, version, environment, clock.instant(), "ci",
                Optional.empty()), Optional.empty());
    }

    public static StagingSuite suite(String name, String command, Path folder, Duration timeout) {
        return new StagingSuite(name, List.of("pkgdb"), command, folder.toString(), Map.of("SUITE_SETTING", "on"),
                "out/*.xml", timeout, StagingSuite.Display.NONE, "staging", StagingSuite.DAILY, ZoneId.of("UTC"), "cli");
    }

    @Override
    public void close() {
        app.close();
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant at) {
            now = at;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

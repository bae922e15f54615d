package org.breakwater.traffic;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;

/** For tests: the demo catalog, pkgdb 1.9.2 in production for sixty days and pkgdb 2.0.0 from {@code cut}. */
public final class PkgdbCutOver {
    private PkgdbCutOver() {
    }

    public static void record(App app, Instant cut) throws Exception {
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", cut.minus(Duration.ofDays(60)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"),
                ReadLimits.defaults()).description()));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production", cut, "pingou", Optional.empty()),
                Optional.of(ApiFiles.read(apis.resolve("v2/openapi.yaml"), ReadLimits.defaults()).description()));
    }
}

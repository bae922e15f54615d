package org.breakwater.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.catalog.files.CatalogWriter;
import org.breakwater.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environments' base URLs and replay baselines: read, checked at their place, stored on both databases, written back. */
class EnvironmentBaseUrlTest {
    static final String ENVIRONMENTS = """
            environments:
              - name: staging
                production: false
                base_url: "https://{service}.stg.fedoraproject.org/"
                baselines: [staging-baseline]
              - name: staging-baseline
                base_url: "http://127.0.0.1:8081/pkgdb"
              - name: production
                production: true
                base_url: "https://{service}.fedoraproject.org/"
            """;

    @TempDir
    Path dir;

    Path catalog(String environments) throws Exception {
        Path root = dir.resolve("catalog-" + System.nanoTime());
        Path demo = Path.of("src/main/resources/demo/catalog");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path p : files.toList()) {
                Path target = root.resolve(demo.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(root.resolve("environments.yaml"), environments);
        return root;
    }

    static CatalogCheck read(Path root) {
        return CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults()).read(root));
    }

    @Test
    void base_urls_and_baselines_are_read_stored_on_both_databases_and_written_back() throws Exception {
        CatalogCheck check = read(catalog(ENVIRONMENTS));
        assertThat(check.problems()).isEmpty();
        Environment staging = check.catalog().environments().get(0);
        assertThat(staging.baseUrl("pkgdb")).contains(java.net.URI.create("https://pkgdb.stg.fedoraproject.org/"));
        assertThat(staging.baselines()).containsExactly("staging-baseline");
        for (String url : List.of("sqlite", TestDatabases.newPostgresUrl())) {
            Optional<String> db = url.equals("sqlite") ? Optional.empty() : Optional.of(url);
            try (App app = App.open(new App.Settings(db, dir.resolve("store-" + System.nanoTime())), Clock.systemUTC())) {
                app.catalog().importCatalog(check);
                assertThat(app.catalog().environments()).as(url).isEqualTo(check.catalog().environments());
                Path out = dir.resolve("written-" + System.nanoTime());
                new CatalogWriter().write(app.catalog().export(), check.apis(), out);
                assertThat(read(out).catalog().environments()).as("written and read back")
                        .isEqualTo(check.catalog().environments());
            }
        }
    }

    @Test
    void a_base_url_that_is_not_plain_http_is_refused_at_its_place() throws Exception {
        for (String bad : List.of("ftp://stg.example.org/", "https://user:pw@stg.example.org/", "https://stg.example.org/?a=1",
                "not a url", "https:///nohost")) {
            CatalogCheck check = read(catalog(ENVIRONMENTS.replace("http://127.0.0.1:8081/pkgdb", bad)));
            assertThat(check.problems()).as(bad).extracting(Object::toString).singleElement().asString()
                    .containsPattern("environments\\.yaml:7:\\d+: error: .*" + java.util.regex.Pattern.quote(bad));
        }
    }

    @Test
    void a_baseline_must_be_another_environment_and_never_production() throws Exception {
        assertThat(read(catalog(ENVIRONMENTS.replace("[staging-baseline]", "[production]"))).problems())
                .extracting(Object::toString).singleElement().asString()
                .containsPattern("environments\\.yaml:2:\\d+: error: environment staging names baseline 'production',"
                        + " a production environment: replay never calls production");
        assertThat(read(catalog(ENVIRONMENTS.replace("[staging-baseline]", "[staging-basline]"))).problems())
                .extracting(Object::toString).singleElement().asString()
                .contains("names baseline 'staging-basline', which is not an environment").contains("staging-baseline");
        assertThat(read(catalog(ENVIRONMENTS.replace("[staging-baseline]", "[staging]"))).problems())
                .extracting(Object::toString).singleElement().asString().contains("names baseline 'staging', itself");
    }
}

package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.Identify;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.catalog.files.CatalogWriter;
import org.breakwater.store.TestDatabases;
import org.breakwater.traffic.store.JdbiTrafficRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's "identify" rules: read with their places, refused when wrong, stored and read
 * back on SQLite and PostgreSQL, written back to files, and turned into the traffic's rules.
 */
class CatalogRulesTest {
    static final String RULES = """
                identify:
                  - userAgent: "^bodhi/"
                  - address: 10.5.126.0/24
                  - header: X-Api-Key
                    value: k-123
            """;

    @TempDir
    Path dir;

    Path catalog(String identify) throws Exception {
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
        Path consumers = root.resolve("consumers-pkgdb.yaml");
        String text = Files.readString(consumers);
        String own = "    identify:\n      - userAgent: \"^bodhi/\"\n"; // the demo's rule for bodhi-pkgdb-client
        assertThat(text).contains(own);
        Files.writeString(consumers, text.replace(own, identify));
        return root;
    }

    static CatalogCheck read(Path root) {
        return CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults()).read(root));
    }

    static Consumer bodhi(org.breakwater.catalog.Catalog c) {
        return c.consumers().stream().filter(k -> k.name().equals("bodhi-pkgdb-client")).findFirst().orElseThrow();
    }

    @Test
    void rules_are_read_stored_on_both_databases_written_back_and_used_by_the_traffic() throws Exception {
        CatalogCheck check = read(catalog(RULES));
        assertThat(check.problems()).isEmpty();
        assertThat(bodhi(check.catalog()).identify()).containsExactly(
                new Identify(Identify.Kind.USER_AGENT, "^bodhi/", Optional.empty()),
                new Identify(Identify.Kind.ADDRESS, "10.5.126.0/24", Optional.empty()),
                new Identify(Identify.Kind.HEADER, "k-123", Optional.of("X-Api-Key")));
        for (String url : List.of("sqlite", TestDatabases.newPostgresUrl())) {
            Optional<String> db = url.equals("sqlite") ? Optional.empty() : Optional.of(url);
            try (App app = App.open(new App.Settings(db, dir.resolve("store-" + System.nanoTime())), Clock.systemUTC())) {
                app.catalog().importCatalog(check);
                assertThat(bodhi(app.catalog().export()).identify()).as(url).isEqualTo(bodhi(check.catalog()).identify());
                assertThat(app.catalog().environments()).as("environments and their hosts, " + url)
                        .isEqualTo(check.catalog().environments());
                assertThat(app.catalog().environments()).extracting(e -> e.name() + " " + e.hosts()).containsExactly(
                        "staging [10.5.128.0/24]", "production [10.5.126.0/24, 10.5.125.0/24]");
                Path out = dir.resolve("written-" + System.nanoTime());
                new CatalogWriter().write(app.catalog().export(), check.apis(), out);
                assertThat(bodhi(read(out).catalog()).identify()).as("written and read back").isEqualTo(
                        bodhi(check.catalog()).identify());
                assertThat(read(out).catalog().environments()).as("hosts written and read back")
                        .isEqualTo(check.catalog().environments());
                TrafficService traffic = new TrafficService(app.catalog(), new JdbiTrafficRepository(app.database().jdbi()));
                List<CallerRule> rules = ((Outcome.Done<List<CallerRule>>) traffic.rules()).value();
                assertThat(rules).extracting(r -> r.consumer() + " " + r.kind() + " " + r.value()).containsExactly(
                        "bodhi-pkgdb-client USER_AGENT ^bodhi/", "bodhi-pkgdb-client ADDRESS 10.5.126.0/24",
                        "bodhi-pkgdb-client HEADER k-123", "owner-alias-sync ADDRESS 10.5.126.30",
                        "packages-pkgdb-connector USER_AGENT ^fedora-packages/", "pkgdb-cli USER_AGENT ^pkgdb-cli/",
                        "pkgdb-sync-bugzilla USER_AGENT ^pkgdb-sync-bugzilla/");
            }
        }
    }

    @Test
    void wrong_rules_are_refused_at_their_place() throws Exception {
        String bad = """
                    identify:
                      - userAgent: "bodhi/("
                      - address: pkgs01.phx2.fedoraproject.org
                      - user: pingou
                        host: "^pkgs"
                      - header: X-Api-Key
                      - {}
                """;
        List<String> problems = read(catalog(bad)).problems().stream().map(Object::toString).toList();
        assertThat(String.join("\n", problems))
                .containsPattern("consumers-pkgdb\\.yaml:14:\\d+: error: 'bodhi/\\(' is not a regular expression")
                .containsPattern("consumers-pkgdb\\.yaml:15:\\d+: error: 'pkgs01.phx2.fedoraproject.org' is not an address")
                .containsPattern("consumers-pkgdb\\.yaml:16:\\d+: error: an identify rule has exactly one of userAgent, address,"
                        + " host, user or header, not host and user")
                .containsPattern("consumers-pkgdb\\.yaml:18:\\d+: error: .*value")
                .contains("not none");
    }

    @Test
    void an_environment_host_that_is_not_an_address_is_refused_at_its_place() throws Exception {
        Path root = catalog(RULES);
        Path envs = root.resolve("environments.yaml");
        String text = Files.readString(envs);
        assertThat(text).contains("hosts: [10.5.128.0/24]");
        Files.writeString(envs, text.replace("hosts: [10.5.128.0/24]", "hosts: [10.5.128.0/24, stg01.phx2]"));
        assertThat(read(root).problems()).extracting(Object::toString).singleElement().asString()
                .containsPattern("environments\\.yaml:6:\\d+: error: 'stg01.phx2' is not an address");
    }
}

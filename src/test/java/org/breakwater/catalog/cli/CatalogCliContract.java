package org.breakwater.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog commands as CI and people run them, on one database: the subclasses run every
 * test on SQLite and on PostgreSQL. The catalog is the demo's, copied from the sources.
 */
abstract class CatalogCliContract {
    static final Path DEMO = Path.of("src/main/resources/demo/catalog");
    static final Path PKGDB_V1 = DEMO.resolve("apis/pkgdb/v1/pkgdb.yaml");
    static final Path PKGDB_V2 = DEMO.resolve("apis/pkgdb/v2/openapi.yaml");

    @TempDir
    Path dir;

    Path catalog;

    /** The options naming this test's store. */
    abstract List<String> store();

    CliRun run(String... args) {
        return CliRun.run(args, store());
    }

    static CliRun plain(String... args) {
        return CliRun.run(args);
    }

    @BeforeEach
    void copyDemoCatalog() throws IOException {
        catalog = copyDemo(dir);
    }

    /** A copy of the demo catalog in {@code dir}/catalog. */
    static Path copyDemo(Path dir) throws IOException {
        Path catalog = dir.resolve("catalog");
        try (Stream<Path> files = Files.walk(DEMO)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = catalog.resolve(DEMO.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return catalog;
    }

    static Node json(String text) throws Exception {
        return new TreeReader(ReadLimits.defaults()).parse(text, "output.json");
    }

    @Test
    void importing_the_demo_catalog_twice_changes_nothing_the_second_time() {
        CliRun first = run("catalog", "import", catalog.toString());
        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.out()).contains("25 services, 43 consumers").contains("98 added, 0 changed");
        CliRun second = run("catalog", "import", catalog.toString());
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("No changes");
    }

    @Test
    void a_service_with_history_left_out_of_the_catalog_is_counted_as_one_service_retired() throws IOException {
        Path extra = catalog.resolve("extra.yaml");
        Files.writeString(extra, "services:\n  - {name: newsvc, owner: infrastructure, tier: leaf}\n");
        assertThat(run("catalog", "import", catalog.toString()).code()).isZero();
        CliRun deployed = run("record-deployment", "--service", "newsvc", "--version", "1.0.0", "--env", "production");
        assertThat(deployed.code()).as(deployed.all()).isZero();
        Files.delete(extra);
        CliRun again = run("catalog", "import", catalog.toString());
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.out()).contains("0 added, 0 changed, 0 removed, 1 service retired");
    }

    @Test
    void an_invalid_catalog_is_refused_with_its_place_and_leaves_the_store_unchanged() throws IOException {
        assertThat(run("catalog", "import", catalog.toString()).code()).isZero();
        String before = run("catalog", "export", "-").out();
        Path services = catalog.resolve("services-leaf.yaml");
        List<String> lines = new ArrayList<>(Files.readAllLines(services));
        int ownerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("owner:")) {
                lines.set(i, lines.get(i).replaceFirst("owner:.*", "owner: infrastruture"));
                ownerLine = i + 1;
                break;
            }
        }
        // and a second, valid change in another file that must not land either
        Files.writeString(catalog.resolve("extra.yaml"), "services:\n  - {name: newsvc, owner: infrastructure, tier: leaf}\n");
        Files.write(services, lines);
        CliRun r = run("catalog", "import", catalog.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(services + ":" + ownerLine + ":")
                .contains("unknown team 'infrastruture'; did you mean 'infrastructure'?")
                .contains("nothing was imported");
        assertThat(run("catalog", "export", "-").out()).isEqualTo(before);
    }

    @Test
    void validate_reports_errors_with_exit_1_and_json() throws Exception {
        Files.writeString(catalog.resolve("broken.yaml"), "consumers:\n  - name: x\n    kind: script\n"
                + "    owner: infrastructure\n    uses:\n      - service: pkgdb\n        operations: [getPackageACL]\n");
        CliRun r = plain("catalog", "validate", catalog.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        ObjectNode result = (ObjectNode) json(r.out());
        assertThat(result.text("valid")).contains("false");
        ObjectNode problem = (ObjectNode) ((ArrayNode) result.get("problems").orElseThrow()).items().get(0);
        assertThat(problem.text("file")).contains(catalog.resolve("broken.yaml").toString());
        assertThat(problem.text("line")).contains("7");
        assertThat(problem.text("message").orElseThrow()).contains("getPackageACL").contains("did you mean 'getPackageAcls'");
    }

    @Test
    void a_recorded_deployment_shows_in_where_with_its_api_hash() throws Exception {
        run("catalog", "import", catalog.toString());
        CliRun rec = run("record-deployment", "--service", "pkgdb", "--version", "1.9.2", "--env", "production",
                "--spec", PKGDB_V1.toString(), "--by", "pingou", "--at", "2014-06-02T09:00:00Z", "--json");
        assertThat(rec.code()).as(rec.all()).isZero();
        String hash = ((ObjectNode) json(rec.out())).text("apiHash").orElseThrow();
        assertThat(hash).startsWith("sha256:");
        run("record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env", "staging",
                "--spec", PKGDB_V2.toString(), "--by", "pingou");
        CliRun where = run("where", "pkgdb");
        assertThat(where.code()).isZero();
        assertThat(where.out()).containsPattern("pkgdb\\s+production\\s+1\\.9\\.2\\s+" + hash.substring(7, 19)
                + "\\s+\\d+ years\\s+pingou").containsPattern("pkgdb\\s+staging\\s+2\\.0\\.0");
        ArrayNode all = (ArrayNode) json(run("where", "--json").out());
        assertThat(all.items()).hasSize(2);
        // at a moment before the staging deployment, only production had it
        CliRun before = run("where", "--at", "2014-06-03 00:00");
        assertThat(before.out()).containsPattern("pkgdb\\s+production\\s+1\\.9\\.2").doesNotContain("staging");
        CliRun history = run("history", "pkgdb");
        assertThat(history.code()).isZero();
        assertThat(history.out().lines().skip(1).map(l -> l.split("\\s{2,}")[2]).toList())
                .containsExactly("staging", "production");
        assertThat(run("history", "pkgdb", "--env", "production", "--json").out()).contains("\"version\" : \"1.9.2\"")
                .doesNotContain("2.0.0");
        assertThat(run("history", "nosuch").err()).contains("unknown service 'nosuch'");
        assertThat(run("where", "--at", "yesterday").code()).isEqualTo(2);
    }

    @Test
    void record_deployment_refuses_unknown_services_and_unreadable_descriptions() throws IOException {
        run("catalog", "import", catalog.toString());
        CliRun unknown = run("record-deployment", "--service", "pkgbd", "--version", "1", "--env", "production");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown service 'pkgbd'; did you mean 'pkgdb'?");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a: [\n");
        CliRun unreadable = run("record-deployment", "--service", "pkgdb", "--version", "1", "--env", "production",
                "--spec", bad.toString());
        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).contains(bad + ":");
        assertThat(run("where", "pkgdb").out()).contains("No deployments of pkgdb");
    }

    @Test
    void consumers_lists_direct_and_transitive_consumers_with_the_chain() throws Exception {
        run("catalog", "import", catalog.toString());
        CliRun r = run("consumers", "pkgdb", "--operation", "getPackageAcls", "--transitive");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("faf-pkgdb-importer").contains("mass-branching")
                .containsPattern("relnotes-scripts\\s+script\\s+docs\\s+2\\s+pkgdb → bodhi\\s+listUpdates")
                .containsPattern("bodhi-client\\s+library\\s+infrastructure\\s+2\\s+pkgdb → bodhi\\s+whole API");
        ArrayNode list = (ArrayNode) json(run("consumers", "pkgdb", "--operation", "GET /acls/name/{name}", "--json")
                .out());
        assertThat(list.items()).extracting(n -> ((ObjectNode) n).text("depth").orElseThrow()).containsOnly("1");
        assertThat(list.items()).extracting(n -> ((ObjectNode) n).text("name").orElseThrow())
                .contains("bodhi-pkgdb-client", "mass-branching").doesNotContain("relnotes-scripts");
    }

    @Test
    void consumers_and_where_refuse_unknown_names() {
        run("catalog", "import", catalog.toString());
        CliRun op = run("consumers", "pkgdb", "--operation", "getPackageACLs");
        assertThat(op.code()).isEqualTo(2);
        assertThat(op.err()).contains("did you mean 'getPackageAcls'");
        assertThat(run("where", "nosuch").code()).isEqualTo(2);
        assertThat(run("consumers", "nosuch").err()).contains("unknown service 'nosuch'");
    }

    @Test
    void an_exported_catalog_imports_back_unchanged() {
        run("catalog", "import", catalog.toString());
        Path exported = dir.resolve("exported");
        CliRun export = run("catalog", "export", exported.toString());
        assertThat(export.code()).as(export.all()).isZero();
        assertThat(exported.resolve("apis/pkgdb/pkgdb.yaml")).isRegularFile();
        assertThat(plain("catalog", "validate", exported.toString()).code()).isZero();
        assertThat(run("catalog", "import", exported.toString()).out()).contains("No changes");
    }

    @Test
    void prune_forgets_old_records_but_not_what_runs_now() {
        run("catalog", "import", catalog.toString());
        for (String[] d : new String[][] {{"1.0", "2014-01-01T00:00:00Z"}, {"1.1", "2014-02-01T00:00:00Z"},
            {"1.2", "2014-03-01T00:00:00Z"}}) {
            assertThat(run("record-deployment", "--service", "koji", "--version", d[0], "--env", "production",
                    "--at", d[1]).code()).isZero();
        }
        CliRun r = run("prune", "--keep", "30d");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Deleted 2 deployment records").contains("0 suite runs with 0 test cases (kept each"
                + " suite's newest 20)");
        assertThat(run("where", "koji").out()).contains("1.2");
        assertThat(run("prune", "--keep", "soon").code()).isEqualTo(2);
    }

    @Test
    void a_backstage_catalog_imports_in_one_command() {
        CliRun r = run("catalog", "import", "src/test/resources/backstage/catalog-info.yaml");
        assertThat(r.code()).as(r.all()).isZero();
        CliRun consumers = run("consumers", "pkgdb");
        assertThat(consumers.code()).as(consumers.all()).isZero();
        assertThat(consumers.out()).contains("bodhi");
    }
}

package org.breakwater.catalog.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.ConsumerKind;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.Use;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a catalog out and reading it back gives the same catalog and the same API descriptions. */
class CatalogWriterTest {
    private static final String DEMO = "src/main/resources/demo/catalog";
    private static final String CATALOGS = "src/test/resources/catalogs/";
    private static final CatalogFolderReader READER = new CatalogFolderReader(ReadLimits.defaults());

    private static CatalogCheck check(Path folder) {
        return CatalogValidator.check(READER.read(folder));
    }

    private static List<String> problems(CatalogCheck check) {
        return check.problems().stream().map(CatalogProblem::toString).toList();
    }

    private static Map<String, String> hashes(Map<String, ApiDescription> apis) {
        Map<String, String> out = new TreeMap<>();
        apis.forEach((service, d) -> out.put(service, d.hash()));
        return out;
    }

    private static int size(ObjectNode doc, String section) {
        return ((ArrayNode) doc.get(section).orElseThrow()).items().size();
    }

    @Test
    void a_stored_service_whose_name_would_leave_the_folder_is_refused_before_anything_is_written(@TempDir Path tmp) {
        ApiDescription api = ApiDescription.of("openapi.yaml", Map.of("openapi.yaml", "openapi: 3.0.3\n"));
        Path outside = tmp.resolve("x").resolve("pwned");
        for (String name : List.of(outside.toString(), "../login", "../../escape")) {
            Path export = tmp.resolve("export");

            assertThatThrownBy(() -> new CatalogWriter().write(new Catalog(List.of(), List.of(),
                    List.of(), List.of(), List.of()), Map.of(name, api), export))
                    .isInstanceOf(IOException.class).hasMessageContaining("'" + name + "' is not a valid name")
                    .hasMessageContaining("nothing was written");
            assertThat(export).doesNotExist();
        }
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(tmp.resolve("login")).doesNotExist();
    }

    @Test
    void the_demo_catalog_written_and_read_again_is_the_same_catalog_and_valid(@TempDir Path tmp) throws IOException {
        CatalogCheck demo = check(Path.of(DEMO));
        assertThat(demo.problems()).isEmpty();

        new CatalogWriter().write(demo.catalog(), demo.apis(), tmp.resolve("export"));
        CatalogCheck again = check(tmp.resolve("export"));

        assertThat(problems(again)).isEmpty();
        assertThat(again.valid()).isTrue();
        assertThat(again.catalog()).isEqualTo(demo.catalog());
    }

    @Test
    void the_demo_catalogs_api_descriptions_written_and_read_again_have_the_same_hashes(@TempDir Path tmp)
            throws IOException {
        CatalogCheck demo = check(Path.of(DEMO));

        new CatalogWriter().write(demo.catalog(), demo.apis(), tmp);
        CatalogCheck again = check(tmp);

        assertThat(hashes(demo.apis())).containsOnlyKeys("fas", "pkgdb", "bodhi");
        assertThat(hashes(again.apis())).isEqualTo(hashes(demo.apis()));
        assertThat(again.apis()).isEqualTo(demo.apis());
    }

    @Test
    void write_names_the_files_it_wrote(@TempDir Path tmp) throws IOException {
        CatalogCheck demo = check(Path.of(DEMO));

        List<Path> written = new CatalogWriter().write(demo.catalog(), demo.apis(), tmp.resolve("new/folder"));

        Path dir = tmp.resolve("new/folder");
        assertThat(written).containsExactlyInAnyOrder(dir.resolve("environments.yaml"), dir.resolve("teams.yaml"),
                dir.resolve("services.yaml"), dir.resolve("consumers.yaml"), dir.resolve("apis/fas/fas.yaml"),
                dir.resolve("apis/pkgdb/pkgdb.yaml"), dir.resolve("apis/bodhi/bodhi.yaml"));
        assertThat(written).allMatch(Files::isRegularFile);
        assertThat(Files.readString(dir.resolve("services.yaml")))
                .startsWith("# Written by `breakwater catalog export`")
                .contains("api: apis/pkgdb/pkgdb.yaml")
                .contains("api: apis/fas/fas.yaml")
                .contains("api: apis/bodhi/bodhi.yaml");
    }

    @Test
    void a_description_of_several_files_is_written_whole_and_reads_back_with_the_same_hash(@TempDir Path tmp)
            throws IOException {
        CatalogCheck original = check(Path.of(CATALOGS + "multi-file-api"));
        assertThat(problems(original)).isEmpty();
        assertThat(original.apis().get("pkgdb").files()).containsOnlyKeys("openapi.yaml", "schemas/package.yaml");

        new CatalogWriter().write(original.catalog(), original.apis(), tmp);
        CatalogCheck again = check(tmp);

        assertThat(Files.isRegularFile(tmp.resolve("apis/pkgdb/schemas/package.yaml"))).isTrue();
        assertThat(problems(again)).isEmpty();
        assertThat(again.catalog()).isEqualTo(original.catalog());
        assertThat(again.apis().get("pkgdb").hash()).isEqualTo(original.apis().get("pkgdb").hash());
    }

    @Test
    void the_catalog_as_one_document_parses_back_as_yaml_with_the_same_counts() throws Exception {
        Catalog demo = check(Path.of(DEMO)).catalog();

        String document = new CatalogWriter().document(demo);
        Node parsed = new TreeReader(ReadLimits.defaults()).parse(document, "catalog.yaml");

        assertThat(parsed).isInstanceOf(ObjectNode.class);
        ObjectNode doc = (ObjectNode) parsed;
        assertThat(doc.fields().keySet()).containsExactly("environments", "teams", "people", "services", "consumers");
        assertThat(size(doc, "environments")).isEqualTo(2);
        assertThat(size(doc, "teams")).isEqualTo(8);
        assertThat(size(doc, "people")).isEqualTo(20);
        assertThat(size(doc, "services")).isEqualTo(25);
        assertThat(size(doc, "consumers")).isEqualTo(43);
        assertThat(document).doesNotContain("api:");
    }

    @Test
    void the_catalog_as_one_document_is_itself_a_valid_catalog_file(@TempDir Path tmp) throws IOException {
        Catalog demo = check(Path.of(DEMO)).catalog();
        Files.writeString(tmp.resolve("catalog.yaml"), new CatalogWriter().document(demo));

        CatalogCheck again = check(tmp);

        assertThat(problems(again)).isEmpty();
        assertThat(again.catalog().counts()).isEqualTo(demo.counts());
        assertThat(again.catalog().teams()).isEqualTo(demo.teams());
        assertThat(again.catalog().people()).isEqualTo(demo.people());
        assertThat(again.catalog().services()).isEqualTo(demo.services());
    }

    @Test
    void text_that_yaml_could_take_for_null_is_quoted_so_the_export_reads_back(@TempDir Path tmp) throws IOException {
        Catalog catalog = new Catalog(Environment.defaults(),
                List.of(new Team("infrastructure", "infrastructure", true, Optional.of("Null"), Optional.of("~"),
                        List.of())),
                List.of(),
                List.of(new Service("fas", "NULL", "infrastructure", Tier.ESSENTIAL, true, List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty())),
                List.of());

        new CatalogWriter().write(catalog, Map.of(), tmp);
        CatalogCheck again = check(tmp);

        assertThat(problems(again)).isEmpty();
        assertThat(again.catalog()).isEqualTo(catalog);
    }

    @Test
    void text_that_yaml_could_take_for_a_boolean_or_a_number_survives_the_round_trip(@TempDir Path tmp)
            throws IOException {
        Catalog catalog = new Catalog(
                List.of(new Environment("production", "0x1F", true)),
                List.of(new Team("infrastructure", "True", true, Optional.empty(), Optional.empty(),
                        List.of("pingou"))),
                List.of(new Person("pingou", "FALSE", "0o17", ZoneId.of("Europe/Paris"), List.of("infrastructure"))),
                List.of(new Service("fas", "TRUE", "infrastructure", Tier.ESSENTIAL, true, List.of("True"),
                        Optional.of("1e3"), Optional.of(".inf"), Optional.empty())),
                List.of(new Consumer("fasclient", ConsumerKind.SCRIPT, Optional.empty(), "infrastructure",
                        Optional.of("False"), Optional.of("0x10"), List.of(new Use("fas", List.of(
                                OperationRef.parse("getPerson")))))));

        new CatalogWriter().write(catalog, Map.of(), tmp);
        CatalogCheck again = check(tmp);

        assertThat(problems(again)).isEmpty();
        assertThat(again.catalog()).isEqualTo(catalog);
    }

    @Test
    void a_catalog_with_default_environments_and_names_that_need_quoting_reads_back_equal(@TempDir Path tmp)
            throws IOException {
        Catalog catalog = new Catalog(Environment.defaults(),
                List.of(new Team("infrastructure", "Fedora Infrastructure: admins & apprentices", true,
                        Optional.of("infrastructure@lists.fedoraproject.org"), Optional.of("#fedora-admin"),
                        List.of("abompard"))),
                List.of(new Person("abompard", "Aurélien Bompard", "", ZoneId.of("UTC"), List.of("infrastructure"))),
                List.of(new Service("fas", "- dash: and colon", "infrastructure", Tier.LEAF, false, List.of(),
                        Optional.empty(), Optional.empty(), Optional.of("accounts")),
                        new Service("wiki", "'quoted' \"twice\"", "infrastructure", Tier.BORDERLINE, true,
                                List.of("a@b", "c@d"), Optional.empty(), Optional.empty(), Optional.empty())),
                List.of(new Consumer("wiki-auth", ConsumerKind.SERVICE, Optional.of("wiki"), "infrastructure",
                        Optional.empty(), Optional.of("a description long enough to be folded by a writer that"
                                + " wraps its lines at one hundred and twenty characters, which this one does"),
                        List.of(new Use("fas", List.of(OperationRef.parse("GET /json/person_by_id")))))));

        new CatalogWriter().write(catalog, Map.of(), tmp);
        CatalogCheck again = check(tmp);

        assertThat(problems(again)).isEmpty();
        assertThat(again.catalog()).isEqualTo(catalog);
    }
}

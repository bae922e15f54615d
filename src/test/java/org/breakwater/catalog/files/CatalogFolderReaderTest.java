package org.breakwater.catalog.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.catalog.CatalogDraft;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.Located;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a catalog folder: which files are read, and every problem of a file — malformed,
 * mistyped, missing, unknown — at the line and column where it is.
 */
class CatalogFolderReaderTest {
    private static final String CATALOGS = "src/test/resources/catalogs/";
    private static final CatalogFolderReader READER = new CatalogFolderReader(ReadLimits.defaults());

    private static CatalogDraft read(String folder) {
        return READER.read(Path.of(CATALOGS + folder));
    }

    private static CatalogCheck check(String folder) {
        return CatalogValidator.check(read(folder));
    }

    private static List<String> problems(CatalogCheck check) {
        return check.problems().stream().map(CatalogProblem::toString).toList();
    }

    // --- which files are read ---

    @Test
    void yml_and_json_files_are_read_but_hidden_files_api_descriptions_and_other_files_are_not() {
        CatalogCheck check = check("file-kinds");

        assertThat(problems(check)).isEmpty();
        assertThat(check.catalog().counts()).isEqualTo("2 environments, 1 teams, 1 people, 1 services, 1 consumers");
        assertThat(check.catalog().teams()).extracting(Team::name).containsExactly("infrastructure");
        assertThat(check.apis()).containsOnlyKeys("fas");
    }

    @Test
    void an_entry_of_a_json_file_is_placed_at_its_line_and_column() {
        CatalogDraft draft = read("file-kinds");

        assertThat(draft.services()).extracting(Located::file, Located::line, Located::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CATALOGS + "file-kinds/services.json", 3, 5));
        assertThat(draft.teams()).extracting(Located::file, Located::line, Located::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CATALOGS + "file-kinds/teams.yml", 2, 5));
    }

    @Test
    void problems_in_a_json_file_are_at_the_line_and_column_of_the_value() {
        String file = CATALOGS + "json-positions/catalog.json";

        assertThat(problems(check("json-positions"))).containsExactly(
                file + ":4:56: error: unknown tier 'critical' (essential, borderline or leaf)",
                file + ":5:31: error: service koji is owned by unknown team 'releng'");
    }

    @Test
    void operations_named_in_a_yml_file_are_checked_against_an_api_description_under_apis() {
        CatalogCheck check = check("file-kinds");

        assertThat(check.catalog().consumers().get(0).use("fas").orElseThrow().operations())
                .containsExactly(new OperationRef("ping", Optional.of("ping"), Optional.of("GET /ping")));
    }

    @Test
    void a_single_file_can_be_read_on_its_own() {
        Path file = Path.of(CATALOGS + "duplicates/a.yaml");

        CatalogCheck check = CatalogValidator.check(READER.read(file));

        assertThat(problems(check)).isEmpty();
        assertThat(check.catalog().counts()).isEqualTo("1 environments, 1 teams, 1 people, 1 services, 1 consumers");
    }

    @Test
    void a_folder_that_does_not_exist_is_one_error() {
        assertThat(problems(check("no-such-folder")))
                .containsExactly(CATALOGS + "no-such-folder: error: no such file or folder");
    }

    @Test
    void a_folder_without_catalog_files_is_one_error(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "# not a catalog\n");
        Files.createDirectories(dir.resolve("apis"));
        Files.writeString(dir.resolve("apis/fas.yaml"), "openapi: 3.0.3\n");

        assertThat(READER.read(dir).problems()).containsExactly(CatalogProblem.error(dir.toString(), 0, 0,
                "no catalog files (*.yaml, *.yml, *.json) in this folder"));
    }

    // --- files that are not a catalog mapping ---

    @Test
    void a_file_that_is_not_a_mapping_is_an_error_at_its_first_node() {
        assertThat(problems(check("not-a-mapping"))).containsExactly(CATALOGS + "not-a-mapping/catalog.yaml:2:1:"
                + " error: a catalog file must be a mapping with sections environments, teams, people, services or"
                + " consumers, not an array");
    }

    @Test
    void an_empty_file_is_an_error_naming_the_file_and_the_other_files_are_still_read() {
        CatalogCheck check = check("empty-file");

        assertThat(problems(check)).containsExactly(CATALOGS + "empty-file/empty.yaml: error: the file is empty");
        assertThat(check.problems().get(0).line()).isZero();
        assertThat(check.catalog().teams()).extracting(Team::name).containsExactly("infrastructure");
    }

    @Test
    void malformed_yaml_is_an_error_at_the_parsers_position() {
        CatalogCheck check = check("malformed-yaml");

        assertThat(check.problems()).hasSize(1);
        CatalogProblem p = check.problems().get(0);
        assertThat(p.severity()).isEqualTo(CatalogProblem.Severity.ERROR);
        assertThat(p.file()).isEqualTo(CATALOGS + "malformed-yaml/catalog.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(18);
        assertThat(p.message()).isEqualTo("malformed YAML: mapping values are not allowed here");
        assertThat(check.catalog().people()).isEmpty();
    }

    @Test
    void two_yaml_documents_in_a_breakwater_file_are_an_error_at_the_second_and_the_file_is_left_out() {
        CatalogCheck check = check("two-documents");

        assertThat(problems(check)).containsExactly(CATALOGS + "two-documents/catalog.yaml:4:1: error: more than"
                + " one YAML document: a Breakwater catalog file is one mapping");
        assertThat(check.catalog().teams()).isEmpty();
        assertThat(check.catalog().people()).isEmpty();
    }

    // --- fields ---

    @Test
    void unknown_fields_wrong_types_and_unknown_values_are_each_at_their_line_and_column() {
        String dir = CATALOGS + "bad-fields/";

        assertThat(problems(check("bad-fields"))).containsExactly(
                dir + "catalog.yaml:3:21: error: 'infrastructure' must be true or false",
                dir + "catalog.yaml:5:12: error: unknown field 'slack' in a team (known: chat, infrastructure,"
                        + " mailingList, members, name, title)",
                dir + "catalog.yaml:8:15: error: unknown time zone 'Mars/Olympus_Mons' (use an IANA name such as"
                        + " Europe/Paris or America/New_York)",
                dir + "catalog.yaml:10:15: error: 'timezone' must be text, not an array",
                dir + "catalog.yaml:13:12: error: 'owner' must be text, not an array",
                dir + "catalog.yaml:17:11: error: unknown tier 'critical' (essential, borderline or leaf)",
                dir + "catalog.yaml:21:15: error: 'announce' must be a list",
                dir + "catalog.yaml:24:11: error: unknown consumer kind 'cronjob' (service, library, script or tool)",
                dir + "catalog.yaml:31:11: error: 'uses' must be a list",
                dir + "sections.yaml:1:15: error: 'environments' must be a list",
                dir + "sections.yaml:2:10: error: unknown field 'staging' in a catalog file (known: consumers,"
                        + " environments, people, services, suites, teams)");
    }

    @Test
    void an_entry_with_an_unusable_owner_or_tier_is_left_out_and_one_with_a_bad_optional_field_kept() {
        Catalog catalog = check("bad-fields").catalog();

        assertThat(catalog.services()).extracting(Service::name).containsExactly("koji");
        assertThat(catalog.service("koji").orElseThrow().announce()).isEmpty();
        assertThat(catalog.services()).extracting(Service::tier).containsExactly(Tier.ESSENTIAL);
        assertThat(catalog.consumers()).extracting(c -> c.name()).containsExactly("fedpkg");
    }

    @Test
    void missing_required_fields_are_each_named_at_their_entry() {
        String file = CATALOGS + "missing-fields/catalog.yaml";

        assertThat(problems(check("missing-fields"))).containsExactly(
                file + ":2:5: error: an environment has no 'name'",
                file + ":4:5: error: a team has no 'name'",
                file + ":7:5: error: a person has no 'username'",
                file + ":9:5: error: a service has no 'name'",
                file + ":11:5: error: a service has no 'owner'",
                file + ":13:5: error: a service has no 'tier'",
                file + ":19:5: error: a consumer has no 'kind'",
                file + ":23:5: error: a consumer has no 'owner'",
                file + ":27:5: error: a consumer has no 'uses': list the services (and operations) it calls",
                file + ":34:9: error: a use has no 'service'");
    }

    // --- API description paths ---

    @Test
    void api_paths_outside_the_catalog_folder_missing_or_unreadable_are_errors_at_the_api_field() {
        String file = CATALOGS + "api-paths/services.yaml";
        String broken = Path.of(CATALOGS + "api-paths/apis/broken.yaml").toAbsolutePath().normalize().toString();

        assertThat(problems(check("api-paths"))).containsExactly(
                file + ":7:10: error: the API description '../operations/apis/pkgdb/openapi.yaml' must be a relative"
                        + " path to a file inside the catalog folder",
                file + ":11:10: error: the API description '/etc/hostname' must be a relative path to a file inside"
                        + " the catalog folder",
                file + ":15:10: error: the API description 'https://example.org/openapi.yaml' must be a relative"
                        + " path to a file inside the catalog folder",
                file + ":19:10: error: the API description 'apis/missing.yaml' is not a file inside the catalog"
                        + " folder",
                file + ":23:10: error: the API description of broken cannot be read: " + broken + ":2:10:"
                        + " unsupported OpenAPI version '4.0.0' (Breakwater reads Swagger 2.0, OpenAPI 3.0 and 3.1)");
    }

    @Test
    void only_the_readable_api_description_inside_the_folder_is_kept() {
        CatalogCheck check = check("api-paths");

        assertThat(check.apis()).containsOnlyKeys("good");
        assertThat(check.apis().get("good").files()).containsOnlyKeys("good.yaml");
        // the services themselves are in the catalog; only their descriptions are refused
        assertThat(check.catalog().services()).hasSize(6);
    }

    @Test
    void an_api_path_through_a_symbolic_link_leaving_the_folder_is_refused(@TempDir Path tmp) throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\n");
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        Files.createSymbolicLink(catalog.resolve("apis"), outside);
        Files.writeString(catalog.resolve("services.yaml"), """
                teams:
                  - name: infrastructure
                services:
                  - name: fas
                    owner: infrastructure
                    tier: essential
                    api: apis/secret.yaml
                """);

        CatalogCheck check = CatalogValidator.check(READER.read(catalog));

        assertThat(problems(check)).containsExactly(catalog.resolve("services.yaml") + ":7:10: error: the API"
                + " description 'apis/secret.yaml' is not a file inside the catalog folder");
        assertThat(check.apis()).isEmpty();
    }

    @Test
    void an_api_path_may_climb_out_of_a_subfolder_as_long_as_it_stays_in_the_catalog(@TempDir Path tmp)
            throws IOException {
        Path catalog = tmp.resolve("catalog");
        Files.createDirectories(catalog.resolve("services"));
        Files.createDirectories(catalog.resolve("apis"));
        Files.writeString(catalog.resolve("apis/fas.yaml"), "openapi: 3.0.3\ninfo: {title: FAS, version: '1'}\n"
                + "paths:\n  /ping:\n    get:\n      operationId: ping\n      responses: {'200': {description: ok}}\n");
        Files.writeString(catalog.resolve("teams.yaml"), "teams:\n  - name: infrastructure\n");
        Files.writeString(catalog.resolve("services/fas.yaml"), """
                services:
                  - name: fas
                    owner: infrastructure
                    tier: essential
                    api: ../apis/fas.yaml
                """);

        CatalogCheck check = CatalogValidator.check(READER.read(catalog));

        assertThat(problems(check)).isEmpty();
        assertThat(check.apis()).containsOnlyKeys("fas");
    }
}

package org.breakwater.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.junit.jupiter.api.Test;

/**
 * The checks of a catalog read from files: unknown and duplicate names, each at the
 * file:line:column where it was written, operations resolved against the providers' API
 * descriptions, and dependency cycles as warnings. Fixtures: src/test/resources/catalogs/.
 */
class CatalogValidatorTest {
    private static final String DEMO = "src/main/resources/demo/catalog";
    private static final String CATALOGS = "src/test/resources/catalogs/";

    private static CatalogCheck check(String folder) {
        return CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults()).read(Path.of(folder)));
    }

    private static CatalogCheck fixture(String name) {
        return check(CATALOGS + name);
    }

    private static List<String> problems(CatalogCheck check) {
        return check.problems().stream().map(CatalogProblem::toString).toList();
    }

    private static Consumer consumer(CatalogCheck check, String name) {
        return check.catalog().consumers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Person person(Catalog catalog, String username) {
        return catalog.people().stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
    }

    // --- the demo catalog ---

    @Test
    void the_demo_catalog_is_valid_without_a_single_problem() {
        CatalogCheck check = check(DEMO);

        assertThat(problems(check)).isEmpty();
        assertThat(check.valid()).isTrue();
    }

    @Test
    void the_demo_catalog_holds_what_its_files_hold() {
        // counted by hand in src/main/resources/demo/catalog: environments.yaml 2, teams.yaml 8,
        // people.yaml 20, services-* 8 + 6 + 11, consumers-* 13 + 14 + 16
        Catalog catalog = check(DEMO).catalog();

        assertThat(catalog.counts()).isEqualTo("2 environments, 8 teams, 20 people, 25 services, 43 consumers");
        assertThat(catalog.environments()).extracting(Environment::name).containsExactly("staging", "production");
        assertThat(catalog.environment("production").orElseThrow().production()).isTrue();
    }

    @Test
    void the_demo_catalog_keeps_the_api_descriptions_of_fas_pkgdb_and_bodhi() {
        CatalogCheck check = check(DEMO);

        assertThat(check.apis()).containsOnlyKeys("fas", "pkgdb", "bodhi");
        assertThat(check.apis().get("bodhi").mainFile()).isEqualTo("bodhi.yaml");
        assertThat(check.apis().get("pkgdb").mainFile()).isEqualTo("pkgdb.yaml");
        assertThat(check.apis().get("fas").mainFile()).isEqualTo("fas.yaml");
    }

    @Test
    void the_demo_catalogs_method_and_path_operations_are_resolved_to_their_operation_ids() {
        Consumer packages = consumer(check(DEMO), "packages-pkgdb-connector");

        assertThat(packages.use("pkgdb").orElseThrow().operations()).containsExactly(
                new OperationRef("GET /acls/name/{package}", Optional.of("getPackageAcls"),
                        Optional.of("GET /acls/name/{}")),
                new OperationRef("getPackage", Optional.of("getPackage"), Optional.of("GET /packages/name/{}")),
                new OperationRef("listUserPackages", Optional.of("listUserPackages"),
                        Optional.of("GET /users/packages/{}")));
    }

    // --- unknown names ---

    @Test
    void a_service_owned_by_an_unknown_team_is_named_at_its_owner_line_with_a_suggestion_for_a_typo() {
        assertThat(problems(fixture("unknown-references"))).contains(
                CATALOGS + "unknown-references/services.yaml:3:12: error: service pkgdb is owned by unknown team"
                        + " 'infrastucture'; did you mean 'infrastructure'?",
                CATALOGS + "unknown-references/services.yaml:6:12: error: service koji is owned by unknown team"
                        + " 'rel-eng'");
    }

    @Test
    void a_consumer_owned_by_an_unknown_team_is_named_at_its_owner_line() {
        assertThat(problems(fixture("unknown-references"))).contains(
                CATALOGS + "unknown-references/consumers.yaml:4:12: error: consumer fedpkg is owned by unknown team"
                        + " 'packagers'");
    }

    @Test
    void a_team_member_who_is_not_among_the_people_is_named_at_the_member() {
        assertThat(problems(fixture("unknown-references"))).contains(
                CATALOGS + "unknown-references/teams.yaml:5:25: error: team qa lists 'pingu', who is not among the"
                        + " people; did you mean 'pingou'?",
                CATALOGS + "unknown-references/teams.yaml:5:32: error: team qa lists 'nobody', who is not among the"
                        + " people");
    }

    @Test
    void a_consumer_of_an_unknown_service_is_named_at_the_use() {
        assertThat(problems(fixture("unknown-references"))).contains(
                CATALOGS + "unknown-references/consumers.yaml:7:18: error: consumer fedpkg uses unknown service"
                        + " 'pkgbd'; did you mean 'pkgdb'?",
                CATALOGS + "unknown-references/consumers.yaml:8:18: error: consumer fedpkg uses unknown service"
                        + " 'bodhi'");
    }

    @Test
    void a_consumer_that_is_part_of_an_unknown_service_is_named_at_its_service_line() {
        assertThat(problems(fixture("unknown-references"))).contains(
                CATALOGS + "unknown-references/consumers.yaml:11:14: error: consumer bodhi-pkgdb-client is part of"
                        + " unknown service 'bodhi'");
    }

    @Test
    void every_unknown_name_is_reported_in_one_run_sorted_by_file_and_line_and_the_catalog_is_invalid() {
        CatalogCheck check = fixture("unknown-references");
        String dir = CATALOGS + "unknown-references/";

        assertThat(problems(check)).containsExactly(
                dir + "consumers.yaml:4:12: error: consumer fedpkg is owned by unknown team 'packagers'",
                dir + "consumers.yaml:7:18: error: consumer fedpkg uses unknown service 'pkgbd'; did you mean 'pkgdb'?",
                dir + "consumers.yaml:8:18: error: consumer fedpkg uses unknown service 'bodhi'",
                dir + "consumers.yaml:11:14: error: consumer bodhi-pkgdb-client is part of unknown service 'bodhi'",
                dir + "services.yaml:3:12: error: service pkgdb is owned by unknown team 'infrastucture';"
                        + " did you mean 'infrastructure'?",
                dir + "services.yaml:6:12: error: service koji is owned by unknown team 'rel-eng'",
                dir + "teams.yaml:5:25: error: team qa lists 'pingu', who is not among the people;"
                        + " did you mean 'pingou'?",
                dir + "teams.yaml:5:32: error: team qa lists 'nobody', who is not among the people");
        assertThat(check.valid()).isFalse();
        assertThat(check.errors()).isEqualTo(8);
        assertThat(check.warnings()).isZero();
    }

    // --- duplicates ---

    @Test
    void a_name_defined_twice_is_reported_at_the_second_definition_naming_the_first() {
        String dir = CATALOGS + "duplicates/";
        CatalogCheck check = fixture("duplicates");

        assertThat(problems(check)).containsExactly(
                dir + "b.yaml:3:5: error: duplicate environment 'production' (first defined at " + dir + "a.yaml:2:5)",
                dir + "b.yaml:5:5: error: duplicate team 'infrastructure' (first defined at " + dir + "a.yaml:5:5)",
                dir + "b.yaml:7:5: error: duplicate person 'pingou' (first defined at " + dir + "a.yaml:8:5)",
                dir + "b.yaml:9:5: error: duplicate service 'fas' (first defined at " + dir + "a.yaml:10:5)",
                dir + "b.yaml:13:5: error: duplicate consumer 'fasclient' (first defined at " + dir + "a.yaml:14:5)");
        assertThat(check.valid()).isFalse();
    }

    @Test
    void of_duplicates_the_first_definition_is_the_one_in_the_catalog() {
        Catalog catalog = fixture("duplicates").catalog();

        assertThat(catalog.counts()).isEqualTo("1 environments, 1 teams, 1 people, 1 services, 1 consumers");
        assertThat(catalog.service("fas").orElseThrow().tier()).isEqualTo(Tier.ESSENTIAL);
        assertThat(catalog.consumers().get(0).kind()).isEqualTo(ConsumerKind.SCRIPT);
    }

    @Test
    void an_unknown_owner_of_a_duplicate_is_named_in_the_duplicates_own_file() {
        String dir = CATALOGS + "duplicate-with-unknown-owner/";

        assertThat(problems(fixture("duplicate-with-unknown-owner"))).containsExactly(
                dir + "b.yaml:3:5: error: duplicate service 'fas' (first defined at " + dir + "a.yaml:4:5)",
                dir + "b.yaml:7:5: error: duplicate consumer 'fasclient' (first defined at " + dir + "a.yaml:8:5)",
                // entries wrong in themselves come before the references between them
                dir + "b.yaml:4:12: error: service fas is owned by unknown team 'sysadmin-main'",
                dir + "b.yaml:9:12: error: consumer fasclient is owned by unknown team 'sysadmin-main'");
    }

    // --- operations ---

    @Test
    void a_consumer_of_an_unknown_operation_is_named_at_its_line_with_a_suggestion() {
        String file = CATALOGS + "operations/catalog.yaml";

        assertThat(problems(fixture("operations"))).containsExactly(
                file + ":26:13: error: consumer sloppy-script uses 'getPackge', which the API description of pkgdb"
                        + " does not have; did you mean 'getPackage'?",
                file + ":27:13: error: consumer sloppy-script uses 'GET /colections', which the API description of"
                        + " pkgdb does not have; did you mean 'GET /collections'?",
                file + ":28:13: error: consumer sloppy-script uses 'DELETE /packages/{name}', which the API"
                        + " description of pkgdb does not have; did you mean 'GET /packages/{name}'?");
    }

    @Test
    void an_operation_named_by_method_and_path_with_another_parameter_name_resolves_to_its_operation_id() {
        Use pkgdb = consumer(fixture("operations"), "packages-app").use("pkgdb").orElseThrow();

        assertThat(pkgdb.operations()).containsExactly(
                new OperationRef("getPackage", Optional.of("getPackage"), Optional.of("GET /packages/{}")),
                new OperationRef("GET /packages/{other}", Optional.of("getPackage"), Optional.of("GET /packages/{}")),
                new OperationRef("GET /collections", Optional.of("listCollections"), Optional.of("GET /collections")));
        assertThat(pkgdb.operations().get(1).sameAs(pkgdb.operations().get(0))).isTrue();
    }

    @Test
    void operations_of_a_provider_without_an_api_file_are_not_checked_and_stay_as_written() {
        CatalogCheck check = fixture("operations");

        assertThat(check.problems()).noneMatch(p -> p.message().contains("koji"));
        assertThat(check.apis()).containsOnlyKeys("pkgdb");
        assertThat(consumer(check, "packages-app").use("koji").orElseThrow().operations()).containsExactly(
                new OperationRef("listTagged", Optional.of("listTagged"), Optional.empty()),
                new OperationRef("POST /whatever/{x}", Optional.empty(), Optional.of("POST /whatever/{}")));
    }

    @Test
    void an_unknown_operation_stays_in_the_catalog_as_written() {
        Use pkgdb = consumer(fixture("operations"), "sloppy-script").use("pkgdb").orElseThrow();

        assertThat(pkgdb.operations()).extracting(OperationRef::text)
                .containsExactly("getPackge", "GET /colections", "DELETE /packages/{name}");
        assertThat(pkgdb.operations().get(0).key()).isEmpty();
    }

    // --- dependency cycles ---

    @Test
    void two_services_using_each_other_through_their_consumers_are_one_warning_and_the_catalog_stays_valid() {
        CatalogCheck check = fixture("cycle-two");

        assertThat(problems(check)).containsExactly(CATALOGS + "cycle-two/catalog.yaml:7:5: warning: dependency"
                + " cycle: bodhi → koji → bodhi (each uses the next); a break in one comes back round");
        assertThat(check.valid()).isTrue();
        assertThat(check.warnings()).isEqualTo(1);
        assertThat(check.problems().get(0).severity()).isEqualTo(CatalogProblem.Severity.WARNING);
    }

    @Test
    void a_cycle_of_three_services_is_one_warning_at_the_first_service_by_name() {
        CatalogCheck check = fixture("cycle-three");

        assertThat(problems(check)).containsExactly(CATALOGS + "cycle-three/services.yaml:10:5: warning: dependency"
                + " cycle: bodhi → pkgdb → fas → bodhi (each uses the next); a break in one comes back round");
        assertThat(check.valid()).isTrue();
    }

    @Test
    void services_that_depend_on_each_other_without_a_cycle_give_no_warning() {
        CatalogCheck check = fixture("dag");

        assertThat(problems(check)).isEmpty();
        assertThat(check.catalog().consumers()).hasSize(3);
    }

    // --- memberships and defaults ---

    @Test
    void a_person_listed_as_member_of_two_teams_belongs_to_both() {
        CatalogCheck check = fixture("memberships");

        assertThat(problems(check)).isEmpty();
        assertThat(person(check.catalog(), "pingou").teams()).containsExactly("cvsadmins", "infrastructure");
        assertThat(person(check.catalog(), "ralph").teams()).containsExactly("infrastructure");
        assertThat(person(check.catalog(), "tibbs").teams()).containsExactly("cvsadmins");
        assertThat(check.catalog().team("cvsadmins").orElseThrow().members()).containsExactly("tibbs", "pingou");
    }

    @Test
    void a_person_written_with_only_a_username_gets_it_as_name_no_email_and_utc() {
        Catalog catalog = fixture("memberships").catalog();

        assertThat(person(catalog, "ralph")).isEqualTo(
                new Person("ralph", "ralph", "", ZoneId.of("UTC"), List.of("infrastructure")));
        assertThat(person(catalog, "pingou").timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(person(catalog, "pingou").name()).isEqualTo("Pierre-Yves Chibon");
    }

    @Test
    void a_catalog_that_declares_no_environments_gets_staging_and_production() {
        Catalog catalog = fixture("memberships").catalog();

        assertThat(catalog.environments()).isEqualTo(Environment.defaults());
        assertThat(catalog.environments()).extracting(Environment::name, Environment::production)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("staging", false),
                        org.assertj.core.groups.Tuple.tuple("production", true));
    }

    @Test
    void freeze_sensitive_defaults_to_true_for_essential_and_borderline_and_false_for_leaf() {
        Catalog catalog = fixture("memberships").catalog();

        assertThat(catalog.service("fas").orElseThrow().freezeSensitive()).isTrue();
        assertThat(catalog.service("wiki").orElseThrow().freezeSensitive()).isTrue();
        assertThat(catalog.service("badges").orElseThrow().freezeSensitive()).isFalse();
        // written explicitly, against the default
        assertThat(catalog.service("blockerbugs").orElseThrow().freezeSensitive()).isTrue();
        assertThat(catalog.service("tagger").orElseThrow().freezeSensitive()).isFalse();
        assertThat(catalog.service("fas").orElseThrow().title()).isEqualTo("fas");
    }

    @Test
    void environments_without_a_production_one_are_a_warning_at_the_first_environment() {
        CatalogCheck check = fixture("no-production");

        assertThat(problems(check)).containsExactly(CATALOGS + "no-production/environments.yaml:2:5: warning: no"
                + " environment is marked 'production: true'; deployments to production cannot be told apart");
        assertThat(check.valid()).isTrue();
        assertThat(check.catalog().environments()).extracting(Environment::name).containsExactly("staging", "testing");
    }

    // --- suggestions ---

    @Test
    void a_suggestion_is_made_only_within_a_third_of_the_length_of_the_wrong_name() {
        java.util.Set<String> teams = java.util.Set.of("infrastructure", "qa", "rel-eng");

        assertThat(CatalogValidator.suggest("infrastucture", teams)).isEqualTo("; did you mean 'infrastructure'?");
        assertThat(CatalogValidator.suggest("Infrastructure", teams)).isEqualTo("; did you mean 'infrastructure'?");
        assertThat(CatalogValidator.suggest("relegn", teams)).isEqualTo("; did you mean 'rel-eng'?");
        assertThat(CatalogValidator.suggest("qe", teams)).isEqualTo("; did you mean 'qa'?");
        assertThat(CatalogValidator.suggest("docs", teams)).isEmpty();
        assertThat(CatalogValidator.suggest("anything", java.util.Set.of())).isEmpty();
    }

    @Test
    void a_consumer_with_an_empty_uses_list_is_named_at_the_list(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("c.yaml"), """
                teams:
                  - {name: infra, infrastructure: true}
                consumers:
                  - name: idle
                    kind: script
                    owner: infra
                    uses: []
                """);
        assertThat(problems(check(dir.toString())))
                .containsExactly(dir.resolve("c.yaml") + ":7:11: error: 'uses' is empty: list the services (and operations)"
                        + " the consumer calls");
    }
}

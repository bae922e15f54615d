package org.breakwater.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.catalog.CatalogRepository.ImportSummary;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.ConsumerKind;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.Environment;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Placement;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.StoredApis;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.Use;
import org.breakwater.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every store must do, whatever the database: run once on SQLite and once on PostgreSQL
 * by the subclasses. Each test starts from an empty database.
 */
abstract class CatalogStoreContract {
    static final Instant T0 = Instant.parse("2014-06-02T09:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbiCatalogRepository catalogs;
    JdbiDeploymentRepository deployments;
    CatalogService service;
    final Clock clock = Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC);

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        catalogs = new JdbiCatalogRepository(db.jdbi(), clock);
        deployments = new JdbiDeploymentRepository(db.jdbi());
        service = new CatalogService(catalogs, deployments, new StoredApis(deployments, ReadLimits.defaults()), clock);
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        db.close();
    }

    static OperationRef op(String id, String key) {
        return new OperationRef(id, Optional.of(id), Optional.of(key));
    }

    static Catalog fedora() {
        return new Catalog(
                List.of(new Environment("staging", "stg", false), new Environment("production", "prod", true)),
                List.of(new Team("infrastructure", "Fedora Infrastructure", true,
                                Optional.of("infrastructure@lists.fedoraproject.org"), Optional.of("#fedora-admin"),
                                List.of("pingou", "lmacken")),
                        new Team("rel-eng", "Release Engineering", false, Optional.empty(), Optional.empty(),
                                List.of("dgilmore"))),
                List.of(new Person("pingou", "Pierre-Yves Chibon", "pingou@example.org", ZoneId.of("Europe/Paris"),
                                List.of("infrastructure")),
                        new Person("lmacken", "Luke Macken", "lmacken@example.org", ZoneId.of("America/New_York"),
                                List.of("infrastructure")),
                        new Person("dgilmore", "Dennis Gilmore", "", ZoneId.of("UTC"), List.of("rel-eng"))),
                List.of(service("pkgdb", Tier.ESSENTIAL), service("bodhi", Tier.ESSENTIAL),
                        service("fas", Tier.ESSENTIAL), service("badges", Tier.LEAF)),
                List.of(new Consumer("bodhi-pkgdb", ConsumerKind.SERVICE, Optional.of("bodhi"), "infrastructure",
                                Optional.of("lmacken@example.org"), Optional.of("who may push"),
                                List.of(new Use("pkgdb", List.of(op("getPackageAcls", "GET /acls/name/{}"))),
                                        new Use("fas", List.of()))),
                        new Consumer("mass-branching", ConsumerKind.SCRIPT, Optional.empty(), "rel-eng",
                                Optional.empty(), Optional.empty(), List.of(new Use("pkgdb", List.of()))),
                        new Consumer("genacls", ConsumerKind.SCRIPT, Optional.empty(), "infrastructure",
                                Optional.empty(), Optional.empty(),
                                List.of(new Use("pkgdb", List.of(op("vcsAcls", "GET /lists/vcs"))))),
                        new Consumer("fedpkg", ConsumerKind.TOOL, Optional.empty(), "rel-eng", Optional.empty(),
                                Optional.empty(), List.of(new Use("bodhi", List.of()))),
                        new Consumer("badges-bodhi", ConsumerKind.SERVICE, Optional.of("badges"), "infrastructure",
                                Optional.empty(), Optional.empty(), List.of(new Use("bodhi", List.of())))));
    }

    static Service service(String name, Tier tier) {
        return new Service(name, name + " title", "infrastructure", tier, tier != Tier.LEAF,
                List.of("infrastructure@lists.fedoraproject.org", "devel@lists.fedoraproject.org"),
                Optional.of("https://github.com/fedora-infra/" + name), Optional.empty(), Optional.empty());
    }

    ImportSummary importCatalog(Catalog c) {
        Outcome<ImportSummary> o = service.importCatalog(new CatalogCheck(c, Map.of(), List.of()));
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<ImportSummary>) o).value();
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    static String reason(Outcome<?> o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) o).reason();
    }

    Deployment deploy(String svc, String version, String env, Instant at, Optional<ApiDescription> api) {
        return done(service.recordDeployment(new NewDeployment(svc, version, env, at, "pingou", Optional.empty()), api));
    }

    static ApiDescription api(String version) {
        return ApiDescription.of("openapi.yaml", Map.of("openapi.yaml", """
                openapi: 3.0.3
                info: {title: pkgdb, version: "%s"}
                paths:
                  /acls/name/{package}:
                    get:
                      operationId: getPackageAcls
                      parameters: [{name: package, in: path, required: true, schema: {type: string}}]
                      responses: {"200": {description: ok}}
                  /lists/vcs:
                    get:
                      operationId: vcsAcls
                      responses: {"200": {description: ok}}
                """.formatted(version)));
    }

    @Test
    void an_imported_catalog_reads_back_equal() {
        importCatalog(fedora());
        assertThat(catalogs.load()).isEqualTo(fedora());
    }

    @Test
    void importing_the_same_catalog_twice_changes_nothing_the_second_time() {
        ImportSummary first = importCatalog(fedora());
        ImportSummary second = importCatalog(fedora());
        assertThat(first.added()).isEqualTo(2 + 2 + 3 + 4 + 5);
        assertThat(second.unchanged()).isTrue();
        assertThat(catalogs.load()).isEqualTo(fedora());
    }

    @Test
    void an_import_counts_what_it_added_changed_removed_and_retired() {
        importCatalog(fedora());
        Catalog c = fedora();
        List<Service> services = new java.util.ArrayList<>(c.services());
        services.removeIf(s -> s.name().equals("badges"));
        services.replaceAll(s -> s.name().equals("fas") ? service("fas", Tier.BORDERLINE) : s);
        services.add(service("koji", Tier.ESSENTIAL));
        List<Consumer> consumers = c.consumers().stream().filter(k -> !k.name().equals("badges-bodhi")).toList();
        ImportSummary s = importCatalog(new Catalog(c.environments(), c.teams(), c.people(), services, consumers));
        assertThat(s).isEqualTo(new ImportSummary(1, 1, 1, 1));
        assertThat(catalogs.service("badges")).isEmpty();
        assertThat(catalogs.service("fas")).get().extracting(Service::tier).isEqualTo(Tier.BORDERLINE);
    }

    @Test
    void a_retired_service_keeps_its_history_and_comes_back_with_it() {
        importCatalog(fedora());
        deploy("badges", "1.0", "production", T0, Optional.empty());
        Catalog c = fedora();
        importCatalog(new Catalog(c.environments(), c.teams(), c.people(),
                c.services().stream().filter(s -> !s.name().equals("badges")).toList(),
                c.consumers().stream().filter(k -> !k.name().equals("badges-bodhi")).toList()));
        assertThat(reason(service.where(Optional.of("badges")))).contains("unknown service 'badges'");
        importCatalog(fedora());
        assertThat(done(service.where(Optional.of("badges")))).extracting(Placement::version).containsExactly("1.0");
    }

    @Test
    void a_replace_that_fails_half_way_leaves_the_store_as_it_was() {
        importCatalog(fedora());
        Catalog c = fedora();
        // a member who is not among the people breaks a foreign key after teams were already deleted
        List<Team> teams = List.of(new Team("infrastructure", "x", true, Optional.empty(), Optional.empty(),
                List.of("nobody")));
        Catalog broken = new Catalog(c.environments(), teams, c.people(), List.of(), List.of());
        assertThatThrownBy(() -> catalogs.replace(broken, Map.of())).isInstanceOf(RuntimeException.class);
        assertThat(catalogs.load()).isEqualTo(fedora());
    }

    @Test
    void recording_a_deployment_stores_the_release_and_its_description_once() {
        importCatalog(fedora());
        ApiDescription v1 = api("1.9");
        Deployment d = deploy("pkgdb", "1.9.2", "staging", T0, Optional.of(v1));
        deploy("pkgdb", "1.9.2", "production", T0.plusSeconds(3600), Optional.of(v1));
        assertThat(d.apiHash()).contains(v1.hash());
        assertThat(deployments.release("pkgdb", "1.9.2")).get().satisfies(r -> assertThat(r.apiHash()).contains(v1.hash()));
        assertThat(deployments.description(v1.hash())).contains(v1);
        Integer rows = db.jdbi().withHandle(h -> h.createQuery("select count(*) from api_description")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void a_version_cannot_change_its_api_description() {
        importCatalog(fedora());
        deploy("pkgdb", "2.0.0", "staging", T0, Optional.of(api("2.0")));
        String why = reason(service.recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production", T0, "pingou",
                Optional.empty()), Optional.of(api("2.0-changed"))));
        assertThat(why).contains("different API description").contains("new version");
        assertThat(deployments.history("pkgdb", Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void unknown_services_and_environments_are_refused_with_a_suggestion() {
        importCatalog(fedora());
        assertThat(reason(service.recordDeployment(new NewDeployment("pkgbd", "1", "production", T0, "x",
                Optional.empty()), Optional.empty()))).contains("unknown service 'pkgbd'").contains("did you mean 'pkgdb'");
        assertThat(reason(service.recordDeployment(new NewDeployment("pkgdb", "1", "prod", T0, "x",
                Optional.empty()), Optional.empty()))).contains("unknown environment 'prod'").contains("production");
        assertThat(deployments.history("pkgdb", Optional.empty(), 10)).isEmpty();
    }

    @Test
    void where_gives_the_newest_deployment_of_each_service_and_environment() {
        importCatalog(fedora());
        deploy("pkgdb", "1.9.1", "production", T0, Optional.of(api("1.9.1")));
        deploy("pkgdb", "1.9.2", "production", T0.plus(Duration.ofDays(2)), Optional.of(api("1.9.2")));
        deploy("pkgdb", "2.0.0", "staging", T0.plus(Duration.ofDays(3)), Optional.empty());
        deploy("fas", "0.8.18", "production", T0.plus(Duration.ofDays(1)), Optional.empty());
        List<Placement> all = done(service.where(Optional.empty()));
        assertThat(all).extracting(p -> p.service() + " " + p.environment() + " " + p.version())
                .containsExactly("fas production 0.8.18", "pkgdb production 1.9.2", "pkgdb staging 2.0.0");
        assertThat(all.get(1).apiHash()).contains(api("1.9.2").hash());
        assertThat(all.get(1).since()).isEqualTo(T0.plus(Duration.ofDays(2)));
        List<Placement> earlier = deployments.where(Optional.of("pkgdb"), T0.plus(Duration.ofDays(1)));
        assertThat(earlier).extracting(Placement::version).containsExactly("1.9.1");
    }

    @Test
    void a_rollback_is_the_newest_record_and_wins() {
        importCatalog(fedora());
        deploy("pkgdb", "1.9.2", "production", T0, Optional.empty());
        deploy("pkgdb", "2.0.0", "production", T0.plusSeconds(60), Optional.empty());
        deploy("pkgdb", "1.9.2", "production", T0.plusSeconds(120), Optional.empty());
        assertThat(done(service.where(Optional.of("pkgdb")))).extracting(Placement::version).containsExactly("1.9.2");
        assertThat(service.history("pkgdb", Optional.of("production"), 2)).extracting(Deployment::version)
                .containsExactly("1.9.2", "2.0.0");
    }

    @Test
    void pruning_forgets_old_records_but_never_what_runs_now() {
        importCatalog(fedora());
        deploy("pkgdb", "1.0", "production", T0, Optional.empty());
        deploy("pkgdb", "1.1", "production", T0.plus(Duration.ofDays(1)), Optional.empty());
        deploy("fas", "0.8", "production", T0, Optional.empty());
        deploy("pkgdb", "1.2", "production", T0.plus(Duration.ofDays(20)), Optional.empty());
        int deleted = service.prune(T0.plus(Duration.ofDays(10)));
        assertThat(deleted).isEqualTo(2);
        assertThat(service.history("pkgdb", Optional.empty(), 10)).extracting(Deployment::version).containsExactly("1.2");
        assertThat(done(service.where(Optional.of("fas")))).extracting(Placement::version).containsExactly("0.8");
    }

    @Test
    void consumers_of_an_operation_include_whole_api_users_and_match_either_name() {
        importCatalog(fedora());
        assertThat(names(service.consumers("pkgdb", Optional.of("getPackageAcls"), false)))
                .containsExactly("bodhi-pkgdb", "mass-branching");
        assertThat(names(service.consumers("pkgdb", Optional.of("GET /lists/vcs"), false)))
                .containsExactly("genacls", "mass-branching");
        assertThat(names(service.consumers("pkgdb", Optional.empty(), false)))
                .containsExactlyInAnyOrder("bodhi-pkgdb", "mass-branching", "genacls");
    }

    @Test
    void transitive_consumers_follow_the_services_consumers_are_part_of() {
        importCatalog(fedora());
        List<AffectedConsumer> found = done(service.consumers("pkgdb", Optional.of("getPackageAcls"), true));
        assertThat(found).extracting(a -> a.consumer().name() + "@" + a.depth() + " via " + a.via())
                .containsExactly("bodhi-pkgdb@1 via [pkgdb]", "mass-branching@1 via [pkgdb]",
                        "badges-bodhi@2 via [pkgdb, bodhi]", "fedpkg@2 via [pkgdb, bodhi]");
        assertThat(found.get(0).uses()).extracting(OperationRef::text).containsExactly("getPackageAcls");
        assertThat(found.get(2).uses()).isEmpty();
    }

    @Test
    void a_dependency_cycle_does_not_make_the_transitive_query_loop() {
        Catalog c = fedora();
        List<Consumer> consumers = new java.util.ArrayList<>(c.consumers());
        consumers.add(new Consumer("pkgdb-bodhi", ConsumerKind.SERVICE, Optional.of("pkgdb"), "infrastructure",
                Optional.empty(), Optional.empty(), List.of(new Use("bodhi", List.of()))));
        importCatalog(new Catalog(c.environments(), c.teams(), c.people(), c.services(), consumers));
        List<AffectedConsumer> found = done(service.consumers("pkgdb", Optional.empty(), true));
        assertThat(found).extracting(a -> a.consumer().name()).doesNotHaveDuplicates()
                .contains("bodhi-pkgdb", "pkgdb-bodhi", "fedpkg", "badges-bodhi");
    }

    @Test
    void an_operation_is_looked_up_in_the_api_production_runs() {
        importCatalog(fedora());
        deploy("pkgdb", "1.9.2", "production", T0, Optional.of(api("1.9.2")));
        assertThat(reason(service.consumers("pkgdb", Optional.of("getPackageAcl"), false)))
                .contains("pkgdb has no operation 'getPackageAcl'").contains("did you mean 'getPackageAcls'");
        // named by a path with another parameter name, it still finds the operation
        assertThat(names(service.consumers("pkgdb", Optional.of("get /acls/name/{name}"), false)))
                .containsExactly("bodhi-pkgdb", "mass-branching");
    }

    @Test
    void the_consumers_answer_follows_a_new_import_in_the_same_process() {
        importCatalog(fedora());
        assertThat(names(service.consumers("pkgdb", Optional.of("vcsAcls"), false)))
                .containsExactly("genacls", "mass-branching");
        Catalog c = fedora();
        importCatalog(new Catalog(c.environments(), c.teams(), c.people(), c.services(),
                c.consumers().stream().filter(k -> !k.name().equals("genacls")).toList()));
        assertThat(names(service.consumers("pkgdb", Optional.of("vcsAcls"), false))).containsExactly("mass-branching");
        // another process importing: a second service over the same database sees it too
        CatalogService other = new CatalogService(new JdbiCatalogRepository(db.jdbi(), clock), deployments,
                new StoredApis(deployments, ReadLimits.defaults()), clock);
        importCatalog(fedora());
        assertThat(names(other.consumers("pkgdb", Optional.of("vcsAcls"), false)))
                .containsExactly("genacls", "mass-branching");
        assertThat(names(service.consumers("pkgdb", Optional.of("vcsAcls"), false)))
                .containsExactly("genacls", "mass-branching");
    }

    static List<String> names(Outcome<List<AffectedConsumer>> o) {
        return done(o).stream().map(a -> a.consumer().name()).toList();
    }
}

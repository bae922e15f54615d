package org.breakwater.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived PlanService (the server's) keeps each plan's assessment while nothing it
 * depends on changes: these tests change each thing and check the report follows at once.
 */
class AssessmentFreshnessTest {
    @TempDir
    Path dir;

    App app;
    /** The store's URL as opened (a second App opens the same store). */
    Optional<String> store;
    PlanService plans;
    long id;
    final Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");

    @BeforeEach
    void start() throws Exception {
        store = database();
        app = App.open(new App.Settings(store, dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        deploy("1.9.2", "production", "v1/pkgdb.yaml");
        deploy("2.0.0", "staging", "v2/openapi.yaml");
        plans = app.plans(PolicyReader.defaults());
        id = ((Outcome.Done<Plan>) plans.create(new NewPlan("pkgdb2", Map.of("pkgdb", "2.0.0"), Map.of(), "production",
                Instant.now().plus(Duration.ofDays(20)), Duration.ofHours(2), "pingou", Optional.empty(),
                PlanStatus.SCHEDULED))).value().id();
    }

    /** The store's JDBC URL (empty: SQLite in {@link #dir}); the PostgreSQL variant overrides it. */
    Optional<String> database() {
        return Optional.empty();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void deploy(String version, String env, String spec) throws Exception {
        deploy(version, env, spec, 60);
    }

    void deploy(String version, String env, String spec, int secondsAgo) throws Exception {
        app.catalog().recordDeployment(new NewDeployment("pkgdb", version, env, Instant.now().minusSeconds(secondsAgo), "pingou",
                Optional.empty()), Optional.of(ApiFiles.read(apis.resolve(spec), ReadLimits.defaults()).description()));
    }

    PlanReport report() {
        return ((Outcome.Done<PlanReport>) plans.report(id)).value();
    }

    @Test
    void the_report_follows_what_production_runs() throws Exception {
        assertThat(report().assessment().breaks()).isTrue();
        assertThat(report()).as("asked twice, the same answer").satisfies(r -> assertThat(r.assessment().breaks()).isTrue());
        deploy("2.0.1", "production", "v2/openapi.yaml", 30);
        assertThat(report().assessment().breaks()).as("production now runs the candidate's API").isFalse();
    }

    @Test
    void once_the_release_runs_it_is_judged_against_what_ran_before_it() throws Exception {
        deploy("2.0.0", "production", "v2/openapi.yaml", 30);
        PlanReport r = report();
        assertThat(r.assessment().breaks()).as("the plan's own release now runs: its breaks stay on the plan").isTrue();
        assertThat(r.assessment().releases().get(0).current()).get().extracting(p -> p.version()).isEqualTo("1.9.2");
    }

    @Test
    void the_report_follows_the_plan_and_the_meetings_decision() {
        PlanReport before = report();
        assertThat(before.assessment().verdict()).isInstanceOf(PolicyVerdict.Applies.class);
        assertThat(plans.reschedule(id, Instant.now().plus(Duration.ofDays(30)))).isInstanceOf(Outcome.Done.class);
        assertThat(report().plan().start()).isAfter(before.plan().start());
        assertThat(report().gates()).extracting(Gate::deadline).isNotEqualTo(before.gates().stream().map(Gate::deadline)
                .toList());
    }

    @Test
    void the_report_follows_a_new_catalog() throws Exception {
        int consumers = report().assessment().consumersByTeam().values().stream().mapToInt(java.util.List::size).sum();
        var check = CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog")));
        var catalog = check.catalog();
        var fewer = new org.breakwater.catalog.Catalog(catalog.environments(), catalog.teams(), catalog.people(),
                catalog.services(), catalog.consumers().stream().filter(c -> !c.name().equals("faf-pkgdb-importer")).toList());
        app.catalog().importCatalog(new org.breakwater.catalog.CatalogCheck(fewer, check.apis(), java.util.List.of()));
        int after = report().assessment().consumersByTeam().values().stream().mapToInt(java.util.List::size).sum();
        assertThat(after).isEqualTo(consumers - 1);
        assertThat(app.catalog().export().consumers()).noneMatch(c -> c.name().equals("faf-pkgdb-importer"));
    }

    CanDeploy canDeploy() {
        return ((Outcome.Done<CanDeploy>) plans.canDeploy(id)).value();
    }

    Migration migration(String consumer) {
        return report().migrations().stream().filter(m -> m.consumer().equals(consumer)).findFirst().orElseThrow();
    }

    @Test
    void a_consumer_acknowledgement_recorded_shows_on_the_next_answer() {
        String consumer = report().migrations().get(0).consumer();
        assertThat(migration(consumer).state()).isEqualTo(MigrationState.DECLARED);
        assertThat(canDeploy().reasons()).as("asked again: the kept answer").anyMatch(r -> r.startsWith("consumers-acknowledged"));
        assertThat(plans.record(id, "consumers-acknowledged", "https://example.org/ack", "pingou", Optional.empty(),
                Optional.of(consumer), Optional.empty())).isInstanceOf(Outcome.Done.class);
        assertThat(migration(consumer).state()).isEqualTo(MigrationState.ACKNOWLEDGED);
        assertThat(plans.record(id, "consumers-migrated", "https://example.org/ci", "pingou", Optional.empty(),
                Optional.of(consumer), Optional.empty())).isInstanceOf(Outcome.Done.class);
        assertThat(migration(consumer).state()).isEqualTo(MigrationState.VERIFIED_STAGING);
    }

    @Test
    void a_gate_recorded_or_waived_leaves_the_next_can_deploy_answer() {
        assertThat(canDeploy().reasons()).anyMatch(r -> r.startsWith("api-break-notice "));
        assertThat(plans.record(id, "api-break-notice", "https://lists.example.org/announce/1", "pingou",
                Optional.empty(), Optional.empty(), Optional.empty())).isInstanceOf(Outcome.Done.class);
        assertThat(canDeploy().reasons()).noneMatch(r -> r.startsWith("api-break-notice "));
        assertThat(canDeploy().reasons()).anyMatch(r -> r.startsWith("outage-notice "));
        assertThat(plans.waive(id, "outage-notice", "no outage", "pingou")).isInstanceOf(Outcome.Done.class);
        assertThat(canDeploy().reasons()).noneMatch(r -> r.startsWith("outage-notice "));
    }

    @Test
    void a_deployment_recorded_shows_on_the_next_can_deploy_answer() throws Exception {
        assertThat(canDeploy().gates()).isNotEmpty();
        int before = canDeploy().reasons().size();
        deploy("2.0.1", "production", "v2/openapi.yaml", 30);
        assertThat(report().assessment().breaks()).isFalse();
        assertThat(canDeploy().reasons().size()).as("no break left: fewer gates wait").isLessThan(before);
    }

    @Test
    void a_gate_recorded_by_another_instance_shows_on_the_next_answer_of_a_server_that_kept_it() {
        // the reader's clock stands still: only the store's change token can tell it its kept answer is stale
        try (App reader = App.open(new App.Settings(store, dir), Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC))) {
            PlanService server = reader.plans(PolicyReader.defaults());
            assertThat(((Outcome.Done<CanDeploy>) server.canDeploy(id)).value().reasons())
                    .anyMatch(r -> r.startsWith("api-break-notice "));
            assertThat(((Outcome.Done<CanDeploy>) server.canDeploy(id)).value().reasons()).as("asked again: kept")
                    .anyMatch(r -> r.startsWith("api-break-notice "));
            assertThat(plans.record(id, "api-break-notice", "https://lists.example.org/announce/1", "pingou",
                    Optional.empty(), Optional.empty(), Optional.empty())).isInstanceOf(Outcome.Done.class);
            assertThat(((Outcome.Done<CanDeploy>) server.canDeploy(id)).value().reasons())
                    .noneMatch(r -> r.startsWith("api-break-notice "));
            assertThat(((Outcome.Done<PlanReport>) server.report(id)).value().gates())
                    .anyMatch(g -> g.id().equals("api-break-notice") && g.state() == GateState.MET);
        }
    }
}

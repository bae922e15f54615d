package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.Migration;
import org.breakwater.plan.MigrationState;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.parse.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pkgdb2 plan's consumers move declared → acknowledged → verified in staging → verified in
 * production as the evidence and the logs say, and the consumer gates follow. The demo catalog
 * places 10.5.126.0/24 in production and 10.5.128.0/24 in staging.
 */
class TrafficMigrationsTest {
    @TempDir
    Path dir;

    App app;
    PlanService plans;
    TrafficService traffic;
    Plan plan;
    final Instant now = Instant.now();
    final Instant candidateInStaging = now.minus(Duration.ofDays(5));
    final Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");

    @BeforeEach
    void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        deploy("1.9.2", "production", "v1/pkgdb.yaml", now.minus(Duration.ofDays(90)));
        deploy("2.0.0", "staging", "v2/openapi.yaml", candidateInStaging);
        plans = app.plans(PolicyReader.defaults());
        traffic = app.traffic();
        plan = ((Outcome.Done<Plan>) plans.create(new NewPlan("pkgdb2", Map.of("pkgdb", "2.0.0"), Map.of(), "production",
                now.plus(Duration.ofDays(20)), Duration.ofHours(4), "pingou", Optional.empty(), PlanStatus.SCHEDULED)))
                .value();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void deploy(String version, String env, String spec, Instant at) throws Exception {
        app.catalog().recordDeployment(new NewDeployment("pkgdb", version, env, at, "pingou", Optional.empty()),
                Optional.of(ApiFiles.read(apis.resolve(spec), ReadLimits.defaults()).description()));
    }

    static String line(String client, Instant at, String request, String agent) {
        return TrafficIngestTest.line(client, at, request, 200, agent);
    }

    void ingest(String env, String log) {
        Outcome<TrafficService.Report> o = traffic.ingest("pkgdb", env, LogFormat.combined(), List.of(
                new TrafficService.Input(env + ".log", () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))),
                ((Outcome.Done<List<CallerRule>>) traffic.rules()).value(), a -> Optional.empty());
        assertThat(o).isInstanceOf(Outcome.Done.class);
    }

    PlanReport report() {
        return ((Outcome.Done<PlanReport>) plans.report(plan.id())).value();
    }

    static Migration of(PlanReport r, String consumer) {
        return r.migrations().stream().filter(m -> m.consumer().equals(consumer)).findFirst().orElseThrow(() ->
                new AssertionError(consumer + " is not among " + r.migrations().stream().map(Migration::consumer).toList()));
    }

    static Gate gate(PlanReport r, String id) {
        return r.gates().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    /** Production before the roll-out: bodhi, pkgdb-cli, the alias script and an unknown review tool on pkgdb 1. */
    void productionBefore() {
        ingest("production", line("10.5.126.21", now.minus(Duration.ofDays(3)), "GET /pkgdb/acls/name/guake", "bodhi/0.9.12")
                + line("10.5.126.21", now.minus(Duration.ofDays(2)), "GET /pkgdb/acls/name/kernel", "bodhi/0.9.12")
                + line("203.0.113.80", now.minus(Duration.ofDays(2)), "GET /pkgdb/users/packages/pingou", "pkgdb-cli/1.6")
                + line("10.5.126.30", now.minus(Duration.ofDays(2)), "GET /pkgdb/notify/all?name=pingou", "python-requests/2.2.1")
                + line("192.0.2.44", now.minus(Duration.ofDays(1)), "GET /pkgdb/acls/name/guake", "fedora-review/0.5.2"));
    }

    @Test
    void the_logs_add_undeclared_callers_and_what_each_still_calls() {
        PlanReport before = report();
        assertThat(before.migrations()).as("every declared consumer starts declared").allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(MigrationState.DECLARED);
            assertThat(m.observed()).isFalse();
        });
        productionBefore();
        PlanReport r = report();
        assertThat(r.migrations()).hasSize(before.migrations().size() + 1);
        Migration bodhi = of(r, "bodhi-pkgdb-client");
        assertThat(bodhi.declared()).isTrue();
        assertThat(bodhi.observed()).isTrue();
        assertThat(bodhi.stillCalls()).extracting(c -> c.operation() + " " + c.calls()).containsExactly("GET /acls/name/{} 2");
        Migration unknown = of(r, "unknown (fedora-review/0.5.2 from 192.0.2.44)");
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.declared()).isFalse();
        assertThat(unknown.stillCalls()).extracting(Migration.Call::calls).containsExactly(1L);
        Gate ack = gate(r, "consumers-acknowledged");
        assertThat(ack.state()).isEqualTo(GateState.PENDING);
        assertThat(ack.detail()).contains("unknown (fedora-review/0.5.2 from 192.0.2.44) (not in the catalog)")
                .contains("bodhi-pkgdb-client").contains("name unknown callers in the catalog");
        assertThat(traffic.crossings("pkgdb")).as("every production call came from production or outside").isEmpty();
    }

    @Test
    void staging_logs_verify_a_consumer_that_calls_only_the_new_api_from_a_staging_host() {
        productionBefore();
        assertThat(plans.record(plan.id(), "consumers-acknowledged", "ticket 4242", "pingou", Optional.empty(),
                Optional.of("bodhi-pkgdb-client"), Optional.empty())).isInstanceOf(Outcome.Done.class);
        assertThat(of(report(), "bodhi-pkgdb-client").state()).isEqualTo(MigrationState.ACKNOWLEDGED);
        ingest("staging",
                // bodhi's staging instance on pkgdb 2, but one call before the candidate reached staging counts for nothing
                line("10.5.128.21", candidateInStaging.minus(Duration.ofDays(1)), "GET /pkgdb/acls/name/guake", "bodhi/2.0.0")
                + line("10.5.128.21", now.minus(Duration.ofDays(1)), "GET /pkgdb/api/package/guake", "bodhi/2.0.0")
                // the packages app's staging instance still asks for pkgdb 1's paths
                + line("10.5.128.52", now.minus(Duration.ofDays(1)), "GET /pkgdb/packages/name/guake", "fedora-packages/2.0.14")
                // the alias script, ported, but run from a production host against staging
                + line("10.5.126.30", now.minus(Duration.ofHours(5)), "GET /pkgdb/api/notify/all?name=pingou",
                "python-requests/2.2.1")
                + line("10.5.126.30", now.minus(Duration.ofHours(4)), "GET /pkgdb/api/notify/all?name=pingou",
                "python-requests/2.2.1"));
        PlanReport r = report();
        Migration bodhi = of(r, "bodhi-pkgdb-client");
        assertThat(bodhi.state()).isEqualTo(MigrationState.VERIFIED_STAGING);
        assertThat(bodhi.why()).contains("staging's logs since pkgdb 2.0.0 runs there").contains("1 operation of the new API");
        assertThat(bodhi.warnings()).isEmpty();

        Migration packages = of(r, "packages-pkgdb-connector");
        assertThat(packages.state()).as("a call the candidate does not serve").isEqualTo(MigrationState.DECLARED);
        assertThat(packages.warnings()).singleElement().asString().contains("GET /pkgdb/packages/name/guake")
                .contains("1 call,");

        Migration alias = of(r, "owner-alias-sync");
        assertThat(alias.state()).as("its staging calls come from a production host").isEqualTo(MigrationState.DECLARED);
        assertThat(alias.warnings()).singleElement().asString()
                .contains("a production host (10.5.126.30, production) calls staging").contains("2 calls");
        assertThat(traffic.crossings("pkgdb")).extracting(c -> c.environment() + " " + c.origin() + " " + c.address() + " "
                + c.caller() + " " + c.count()).containsExactly("staging production 10.5.126.30 owner-alias-sync 2");

        Gate migrated = gate(r, "consumers-migrated");
        assertThat(migrated.detail()).as("bodhi is an essential service: verified in staging satisfies it")
                .doesNotContain("bodhi-pkgdb-client");
    }

    @Test
    void after_the_deployment_production_logs_verify_it_and_calls_to_staging_do_not() throws Exception {
        productionBefore();
        Instant deployed = now.minus(Duration.ofDays(1));
        deploy("2.0.0", "production", "v2/openapi.yaml", deployed);
        assertThat(plans.setStatus(plan.id(), PlanStatus.IN_PROGRESS)).isInstanceOf(Outcome.Done.class);
        ingest("production",
                line("10.5.126.21", deployed.plus(Duration.ofHours(1)), "GET /pkgdb/api/package/guake", "bodhi/2.0.0")
                + line("203.0.113.80", deployed.plus(Duration.ofHours(2)), "GET /pkgdb/users/packages/pingou", "pkgdb-cli/1.6")
                + line("10.5.126.30", deployed.plus(Duration.ofHours(3)), "GET /pkgdb/api/notify/all?name=pingou",
                "python-requests/2.2.1"));
        ingest("staging", line("10.5.126.30", deployed.plus(Duration.ofHours(4)), "GET /pkgdb/api/notify/all?name=pingou",
                "python-requests/2.2.1"));
        PlanReport r = report();
        assertThat(r.assessment().breaks()).as("the plan keeps its breaks once its release runs").isTrue();
        Migration bodhi = of(r, "bodhi-pkgdb-client");
        assertThat(bodhi.state()).isEqualTo(MigrationState.VERIFIED_PRODUCTION);
        assertThat(bodhi.why()).contains("production's logs since pkgdb 2.0.0 runs there");
        Migration cli = of(r, "pkgdb-cli");
        assertThat(cli.state()).as("it still calls pkgdb 1's path in production").isEqualTo(MigrationState.DECLARED);
        assertThat(cli.warnings()).anySatisfy(w -> assertThat(w).contains("in production since pkgdb 2.0.0 runs there")
                .contains("GET /pkgdb/users/packages/pingou"));
        Migration alias = of(r, "owner-alias-sync");
        assertThat(alias.state()).as("one of its production hosts still calls staging")
                .isNotEqualTo(MigrationState.VERIFIED_PRODUCTION);
        assertThat(alias.warnings()).anySatisfy(w -> assertThat(w).contains("a production host (10.5.126.30"));
    }

    @Test
    void without_logs_the_recorded_evidence_still_moves_consumers() {
        assertThat(plans.record(plan.id(), "consumers-migrated", "tested by QA", "adamwill", Optional.empty(),
                Optional.of("genacls"), Optional.empty())).isInstanceOf(Outcome.Done.class);
        Migration genacls = of(report(), "genacls");
        assertThat(genacls.state()).isEqualTo(MigrationState.VERIFIED_STAGING);
        assertThat(genacls.why()).contains("recorded by adamwill: tested by QA");
    }

    @Test
    void a_consumer_seen_but_not_declared_joins_the_plan_and_gets_its_own_mail() {
        // the badges' account-system client declares no use of pkgdb, but the logs show it reading ACLs
        String log = line("10.5.126.77", now.minus(Duration.ofDays(1)), "GET /pkgdb/acls/name/guake", "fedbadges/0.3");
        assertThat(traffic.ingest("pkgdb", "production", LogFormat.combined(), List.of(new TrafficService.Input("log",
                () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))), List.of(new CallerRule(
                "badges-fas-client", CallerRule.Kind.USER_AGENT, "^fedbadges/", Optional.empty())), a -> Optional.empty()))
                .isInstanceOf(Outcome.Done.class);
        PlanReport r = report();
        Migration badges = of(r, "badges-fas-client");
        assertThat(badges.known()).isTrue();
        assertThat(badges.declared()).isFalse();
        assertThat(badges.why()).contains("not declared in the catalog, but seen in production's logs");
        assertThat(gate(r, "consumers-acknowledged").detail()).contains("badges-fas-client");

        org.breakwater.announce.Drafter drafter = new org.breakwater.announce.Drafter(app.catalog().export(),
                PolicyReader.defaults(), org.breakwater.announce.Templates.defaults());
        List<org.breakwater.announce.Draft> mails = drafter.drafts(r, org.breakwater.announce.Kind.CONSUMER_NOTICE,
                Optional.empty(), Optional.empty());
        org.breakwater.announce.Draft mail = mails.stream().filter(d -> d.consumer().orElseThrow()
                .equals("badges-fas-client")).findFirst().orElseThrow();
        assertThat(mail.body()).contains("Our access logs show badges-fas-client calling: GET /acls/name/{} (1 call,")
                .contains("pkgdb GET /acls/name/{package}").contains("(the whole API)")
                .doesNotContain("GET /packages/name/{package}");
        org.breakwater.announce.Draft notice = drafter.drafts(r, org.breakwater.announce.Kind.API_BREAK_NOTICE,
                Optional.empty(), Optional.empty()).get(0);
        assertThat(notice.body()).contains("Seen in the access logs calling what breaks")
                .contains("  * badges-fas-client: 1 call to GET /acls/name/{}");
    }

    @Test
    void a_staging_host_calling_production_is_a_warning_too() {
        ingest("production", line("10.5.128.21", now.minus(Duration.ofHours(3)), "GET /pkgdb/acls/name/guake",
                "bodhi/2.0.0"));
        assertThat(traffic.crossings("pkgdb")).extracting(c -> c.environment() + " <- " + c.origin() + " " + c.address())
                .containsExactly("production <- staging 10.5.128.21");
        assertThat(of(report(), "bodhi-pkgdb-client").warnings()).singleElement().asString()
                .contains("a staging host (10.5.128.21) calls production: testing against production?")
                .contains("1 call,");
    }
}

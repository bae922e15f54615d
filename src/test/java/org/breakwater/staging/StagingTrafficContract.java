package org.breakwater.staging;

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
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.parse.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo catalog (production hosts 10.5.126.0/24, staging 10.5.128.0/24), pkgdb 1.9.2 in
 * production and the 2.0.0 candidate in staging, and logs read by the real traffic ingest into a
 * real store: SQLite or PostgreSQL.
 */
abstract class StagingTrafficContract {
    @TempDir
    Path dir;

    App app;
    final Instant now = Instant.now();
    final Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");

    abstract App open(Path dir);

    @BeforeEach
    void start() throws Exception {
        app = open(dir);
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        deploy("1.9.2", "production", "v1/pkgdb.yaml", now.minus(Duration.ofDays(90)));
        deploy("2.0.0", "staging", "v2/openapi.yaml", now.minus(Duration.ofDays(5)));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void deploy(String version, String env, String spec, Instant at) throws Exception {
        app.catalog().recordDeployment(new NewDeployment("pkgdb", version, env, at, "pingou", Optional.empty()),
                Optional.of(ApiFiles.read(apis.resolve(spec), ReadLimits.defaults()).description()));
    }

    static final java.time.format.DateTimeFormatter CLF = java.time.format.DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    static String line(String client, Instant at, String request, String agent) {
        return client + " - - [" + CLF.format(at) + "] \"" + request + " HTTP/1.1\" 200 512 \"-\" \"" + agent + "\"\n";
    }

    void ingest(String env, String log) {
        TrafficService traffic = app.traffic();
        Outcome<TrafficService.Report> o = traffic.ingest("pkgdb", env, LogFormat.combined(), List.of(
                new TrafficService.Input(env + ".log", () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))),
                ((Outcome.Done<List<CallerRule>>) traffic.rules()).value(), a -> Optional.empty());
        assertThat(o).isInstanceOf(Outcome.Done.class);
    }

    Instant ago(int hours) {
        return now.minus(Duration.ofHours(hours));
    }

    /** Production: bodhi, pkgdb-cli, the alias script and an unknown review tool, on pkgdb 1, 2 to 3 days ago. */
    void production() {
        ingest("production", line("10.5.126.21", ago(72), "GET /pkgdb/acls/name/guake", "bodhi/0.9.12")
                + line("10.5.126.21", ago(50), "GET /pkgdb/acls/name/kernel", "bodhi/0.9.12")
                + line("203.0.113.80", ago(50), "GET /pkgdb/users/packages/pingou", "pkgdb-cli/1.6")
                + line("10.5.126.30", ago(49), "GET /pkgdb/notify/all?name=pingou", "python-requests/2.2.1")
                + line("192.0.2.44", ago(48), "GET /pkgdb/acls/name/guake", "fedora-review/0.5.2"));
    }

    /**
     * Staging: bodhi's staging instance on pkgdb 2; the alias script from its production host; a
     * test suite (rube, not in the catalog) reading collections and a package, a day ago.
     */
    void staging() {
        ingest("staging", line("10.5.128.21", ago(30), "GET /pkgdb/api/package/guake", "bodhi/2.0.0")
                + line("10.5.126.30", ago(29), "GET /pkgdb/api/notify/all?name=pingou", "python-requests/2.2.1")
                + line("10.5.128.40", ago(24), "GET /pkgdb/api/collections", "rube/0.3 (selenium)")
                + line("10.5.128.40", ago(24), "GET /pkgdb/api/package/kernel", "rube/0.3 (selenium)")
                + line("10.5.128.40", ago(23), "GET /pkgdb/api/no/such/thing", "rube/0.3 (selenium)"));
    }

    StagingPair pair() {
        return ((Outcome.Done<StagingPair>) app.parity().environments(Optional.empty(), Optional.empty())).value();
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    TestCallers rule(String text) {
        return done(TestCallers.parse(text));
    }

    PlanReport plan() {
        var plans = app.plans(PolicyReader.defaults());
        Plan p = done(plans.create(new NewPlan("pkgdb2", Map.of("pkgdb", "2.0.0"), Map.of(), "production",
                now.plus(Duration.ofDays(20)), Duration.ofHours(4), "pingou", Optional.empty(), PlanStatus.SCHEDULED)));
        return done(plans.report(p.id()));
    }

    static App sqlite(Path dir) {
        return App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
    }

    static App postgres() {
        return App.open(new App.Settings(Optional.of(org.breakwater.store.TestDatabases.newPostgresUrl()), Path.of(".")),
                Clock.systemUTC());
    }
}

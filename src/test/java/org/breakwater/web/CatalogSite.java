package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.parse.LogFormat;

/**
 * What the HTTP tests that do not need the whole demo start from: a store with the demo catalog
 * imported, and the steps they add to it (pkgdb deployed, a pkgdb2 plan, access-log lines), and a
 * real server on a free port of 127.0.0.1 under the default policy.
 */
final class CatalogSite {
    private static final Path APIS = Path.of("src/main/resources/demo/catalog/apis/pkgdb");
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private CatalogSite() {
    }

    /** A store in {@code dir} holding the demo catalog. */
    static App open(Path dir) {
        App app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        return app;
    }

    /** The default policy's server on a free port. */
    static WebServer serve(App app) {
        return WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0);
    }

    /** pkgdb 1.9.2 (v1) in production 30 days before {@code now}, with {@code notes}; 2.0.0 (v2) in staging 3 days before. */
    static void pkgdbDeployed(App app, Instant now, Optional<String> notes) throws Exception {
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", now.minus(Duration.ofDays(30)),
                "pingou", notes), Optional.of(ApiFiles.read(APIS.resolve("v1/pkgdb.yaml"), ReadLimits.defaults())
                .description()));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "staging", now.minus(Duration.ofDays(3)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(APIS.resolve("v2/openapi.yaml"), ReadLimits.defaults())
                .description()));
    }

    /** A scheduled plan titled {@code title} taking pkgdb 2.0.0 to production 20 days after {@code now}; its id. */
    static long pkgdb2(App app, String title, Instant now) {
        return ((Outcome.Done<Plan>) app.plans(PolicyReader.defaults()).create(new NewPlan(title,
                Map.of("pkgdb", "2.0.0"), Map.of(), "production", now.plus(Duration.ofDays(20)), Duration.ofHours(4),
                "pingou", Optional.empty(), PlanStatus.SCHEDULED))).value().id();
    }

    /** An access-log line (combined format) of a call answered 200. */
    static String line(String client, Instant at, String request, String agent) {
        return client + " - - [" + CLF.format(at) + "] \"" + request + " HTTP/1.1\" 200 512 \"-\" \"" + agent + "\"\n";
    }

    /** Counts {@code log} as pkgdb's traffic in {@code env}. */
    static void ingest(App app, String env, String log) {
        TrafficService t = app.traffic();
        assertThat(t.ingest("pkgdb", env, LogFormat.combined(), List.of(new TrafficService.Input("log",
                () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))),
                ((Outcome.Done<List<CallerRule>>) t.rules()).value(), a -> Optional.empty()))
                .isInstanceOf(Outcome.Done.class);
    }
}

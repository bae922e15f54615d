package org.breakwater.staging.replay;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
import org.breakwater.policy.Policy;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.parse.LogFormat;

/**
 * A store set up for replay: the demo catalog with staging (the candidate) and staging-baseline
 * at the given base URLs and production marked production; pkgdb 1.9.2 in production and 2.0.0
 * in staging with their API descriptions; the plan pkgdb2 (pkgdb 2.0.0, 20 days from now); and
 * bodhi's production calls ingested (30 GETs of one package, one POST): 20 sampled targets.
 */
public final class ReplayFixture {
    static final java.time.format.DateTimeFormatter CLF = java.time.format.DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    public final Plan plan;

    /** Sets up {@code app} (an empty store) as above, its catalog written under {@code dir}, at {@code now}. */
    public ReplayFixture(App app, Path dir, Instant now, Policy policy, URI candidate, URI baseline, URI production)
            throws Exception {
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(catalog(dir, candidate, baseline, production))));
        Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", now.minus(Duration.ofDays(90)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"), ReadLimits.defaults())
                .description()));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "staging", now.minus(Duration.ofDays(5)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v2/openapi.yaml"), ReadLimits.defaults())
                .description()));
        plan = ((Outcome.Done<Plan>) app.plans(policy).create(new NewPlan("pkgdb2", Map.of("pkgdb", "2.0.0"),
                Map.of(), "production", now.plus(Duration.ofDays(20)), Duration.ofHours(4), "pingou", Optional.empty(),
                PlanStatus.SCHEDULED))).value();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append(line("10.5.126.20", now.minus(Duration.ofHours(i + 1)),
                    "GET /pkgdb/packages/name/guake?token=s3cret", 200, "bodhi/0.9.12"));
        }
        log.append(line("10.5.126.21", now.minus(Duration.ofHours(1)),
                "POST /pkgdb/acls/dispatcher/toggle_acl/", 200, "bodhi/0.9.12"));
        app.traffic().ingest("pkgdb", "production", LogFormat.combined(), List.of(new TrafficService.Input("log",
                () -> new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)))), List.of(new CallerRule(
                "bodhi-pkgdb-client", CallerRule.Kind.USER_AGENT, "^bodhi/", Optional.empty())), a -> Optional.empty());
    }

    /** A combined-format access log line. */
    static String line(String client, Instant at, String request, int status, String agent) {
        return client + " - - [" + CLF.format(at) + "] \"" + request + " HTTP/1.1\" " + status + " 512 \"-\" \"" + agent
                + "\"\n";
    }

    private static Path catalog(Path dir, URI candidate, URI baseline, URI production) throws Exception {
        Path root = dir.resolve("catalog");
        Path demo = Path.of("src/main/resources/demo/catalog");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path p : files.toList()) {
                Path target = root.resolve(demo.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(root.resolve("environments.yaml"), "environments:\n"
                + "  - {name: staging, base_url: \"" + candidate + "\", baselines: [staging-baseline]}\n"
                + "  - {name: staging-baseline, base_url: \"" + baseline + "\"}\n"
                + "  - {name: production, production: true, base_url: \"" + production + "\"}\n");
        return root;
    }
}

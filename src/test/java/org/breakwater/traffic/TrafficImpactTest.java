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
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.parse.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who really still calls what the pkgdb2 release breaks: known and unknown callers, within a window. */
class TrafficImpactTest {
    @TempDir
    Path dir;

    App app;
    Plan plan;
    final Instant now = Instant.now();

    @BeforeEach
    void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", now.minus(Duration.ofDays(90)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"), ReadLimits.defaults())
                .description()));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "staging", now.minus(Duration.ofDays(5)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v2/openapi.yaml"), ReadLimits.defaults())
                .description()));
        plan = ((Outcome.Done<Plan>) app.plans(PolicyReader.defaults()).create(new NewPlan("pkgdb2", Map.of("pkgdb", "2.0.0"),
                Map.of(), "production", now.plus(Duration.ofDays(20)), Duration.ofHours(4), "pingou", Optional.empty(),
                PlanStatus.SCHEDULED))).value();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static String line(String client, Instant at, String request, String agent) {
        return TrafficIngestTest.line(client, at, request, 200, agent);
    }

    @Test
    void every_recent_caller_of_a_broken_operation_is_named_with_its_counts() {
        String log = line("10.5.126.20", now.minus(Duration.ofDays(2)), "GET /pkgdb/packages/name/guake", "bodhi/0.9.12")
                + line("10.5.126.20", now.minus(Duration.ofDays(1)), "GET /pkgdb/packages/name/guake", "bodhi/0.9.12")
                + line("192.0.2.77", now.minus(Duration.ofHours(3)), "GET /pkgdb/collections?tg_format=json", "retrace/1.0")
                + line("192.0.2.99", now.minus(Duration.ofDays(45)), "GET /pkgdb/collections", "old-script/0.1");
        TrafficService traffic = app.traffic();
        traffic.ingest("pkgdb", "production", LogFormat.combined(), List.of(new TrafficService.Input("log",
                () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))), List.of(new CallerRule(
                "bodhi-pkgdb-client", CallerRule.Kind.USER_AGENT, "^bodhi/", Optional.empty())), a -> Optional.empty());
        PlanReport report = ((Outcome.Done<PlanReport>) app.plans(PolicyReader.defaults()).report(plan.id())).value();
        List<TrafficService.Hit> hits = traffic.impact(report, Duration.ofDays(30), now);
        assertThat(hits).extracting(h -> h.caller() + " | " + h.operation() + " | " + h.calls()).containsExactly(
                "unknown (retrace/1.0 from 192.0.2.77) | GET /collections | 1",
                "bodhi-pkgdb-client | GET /packages/name/{} | 2");
        assertThat(hits.get(1).changes()).contains("GET /packages/name/{package} removed without deprecation")
                .anySatisfy(c -> assertThat(c).contains("base path /pkgdb → /pkgdb/api"));
        assertThat(hits.get(0).changes()).contains("parameter `tg_format` (query) removed");
        assertThat(traffic.impact(report, Duration.ofDays(60), now)).as("a wider window reaches the old script")
                .anySatisfy(h -> assertThat(h.caller()).contains("old-script/0.1"));
    }

    @Test
    void finding_operations_become_usage_keys() {
        assertThat(org.breakwater.apidiff.spec.Operation.keyOf("GET /packages/name/{package}")).isEqualTo("GET /packages/name/{}");
        assertThat(org.breakwater.apidiff.spec.Operation.keyOf("post /acls/dispatcher/toggle_acl/")).isEqualTo("POST /acls/dispatcher/toggle_acl");
    }
}

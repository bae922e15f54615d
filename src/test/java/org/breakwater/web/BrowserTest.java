package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages in a real headless Chromium (Debian's, which .ci/run installs): the browser loads
 * the dashboard, and the plan page it links to, and the rendered DOM shows what a reader needs.
 * Clicking through forms comes with the pages' writes (issue 5).
 */
class BrowserTest {
    @TempDir
    static Path dir;

    static App app;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("store")), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        Path apis = Path.of("src/main/resources/demo/catalog/apis/pkgdb");
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production",
                Instant.now().minus(Duration.ofDays(30)), "pingou", Optional.empty()),
                Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"), ReadLimits.defaults()).description()));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "staging",
                Instant.now().minus(Duration.ofDays(3)), "pingou", Optional.empty()),
                Optional.of(ApiFiles.read(apis.resolve("v2/openapi.yaml"), ReadLimits.defaults()).description()));
        app.plans(PolicyReader.defaults()).create(new NewPlan("pkgdb2 roll-out", Map.of("pkgdb", "2.0.0"), Map.of(),
                "production", Instant.now().plus(Duration.ofDays(20)), Duration.ofHours(4), "pingou", Optional.empty(),
                PlanStatus.SCHEDULED));
        server = WebServer.start(app, PolicyReader.defaults(), "127.0.0.1", 0, new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    /** The DOM Chromium builds for {@code path}. */
    static String dom(String path) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-");
        Process p = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", "http://127.0.0.1:" + server.port() + path))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium's exit code").isZero();
        return out;
    }

    @Test
    void a_reader_goes_from_the_dashboard_to_the_plan_and_sees_its_gates() throws Exception {
        String dashboard = dom("/");
        assertThat(dashboard).contains("<h1>Dashboard</h1>").contains("Upcoming deployments");
        Matcher link = Pattern.compile("href=\"(/plans/\\d+)\"").matcher(dashboard);
        assertThat(link.find()).as("a link to the plan").isTrue();
        String plan = dom(link.group(1));
        assertThat(plan).contains("Plan 1: pkgdb2 roll-out").contains("Policy: applies")
                .contains("api-break-notice").contains("outside infrastructure")
                .contains("GET /packages/name/{package}");
        Matcher service = Pattern.compile("href=\"(/services/pkgdb)\"").matcher(dashboard);
        assertThat(service.find()).isTrue();
        assertThat(dom(service.group(1))).contains("What runs where").contains("faf-pkgdb-importer");
    }
}

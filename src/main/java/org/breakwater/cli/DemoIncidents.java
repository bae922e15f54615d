package org.breakwater.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;

/**
 * The demo's deployment day, replayed in a store of its own (so the rest of the demo keeps
 * pkgdb 1 in production): pkgdb 2.0.0 cut over forty minutes ago, the production log of the hour
 * before and the half-hour after — bodhi's client, the packages app and an unknown script start
 * failing — followed once by {@code traffic ingest --follow}, whose detector opens the incidents.
 */
final class DemoIncidents {
    static final Duration SINCE_CUT = Duration.ofMinutes(40);
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String[] PACKAGES = {"guake", "python-requests", "kernel", "firefox", "pkgdb-cli", "bodhi"};

    private DemoIncidents() {
    }

    /** What the day set up: its store, its log, the plan, the cut-over and the first failing call. */
    record Day(Path store, Path log, long plan, Instant cut, Instant firstFailure) {
    }

    /** The day's store (catalog, both pkgdb deployments, the plan in progress) and its production log. */
    static Day prepare(Path root, Path catalogDir, Instant now) throws IOException, org.breakwater.apidiff.spec.SpecException {
        Path store = root.resolve("day").resolve("store");
        for (String f : List.of("breakwater.db", "breakwater.db-wal", "breakwater.db-shm")) {
            Files.deleteIfExists(store.resolve(f));
        }
        Instant cut = now.truncatedTo(ChronoUnit.MINUTES).minus(SINCE_CUT);
        long plan;
        try (App app = App.open(new App.Settings(Optional.empty(), store), Clock.systemUTC())) {
            app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                    .read(catalogDir)));
            Path apis = catalogDir.resolve("apis/pkgdb");
            app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", cut.minus(Duration.ofDays(60)),
                    "pingou", Optional.empty()), Optional.of(ApiFiles.read(apis.resolve("v1/pkgdb.yaml"),
                    ReadLimits.defaults()).description()));
            app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production", cut, "pingou",
                    Optional.of("the pkgdb2 cut-over")), Optional.of(ApiFiles.read(apis.resolve("v2/openapi.yaml"),
                    ReadLimits.defaults()).description()));
            plan = new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb2 roll-out (the day, replayed)",
                    List.of(new PlannedRelease("pkgdb", "2.0.0", Optional.empty())), "production",
                    cut.minus(Duration.ofMinutes(7)), Duration.ofHours(4), "pingou", Optional.empty(),
                    PlanStatus.IN_PROGRESS, cut.minus(Duration.ofDays(21)))).id();
        }
        Path logs = Files.createDirectories(root.resolve("day").resolve("logs"));
        Path log = logs.resolve("pkgdb-production.log");
        Files.writeString(log, log(cut), StandardCharsets.UTF_8);
        return new Day(store, log, plan, cut, cut);
    }

    private static void line(StringBuilder b, String client, Instant at, String request, int status, String agent) {
        b.append(client).append(" - - [").append(CLF.format(at)).append("] \"").append(request).append(" HTTP/1.1\" ")
                .append(status).append(" 1024 \"-\" \"").append(agent).append("\"\n");
    }

    /** An hour of quiet pkgdb 1 traffic, then half an hour on pkgdb 2.0.0. */
    static String log(Instant cut) {
        StringBuilder b = new StringBuilder();
        for (int s = -3600; s < 1800; s += 10) {
            Instant t = cut.plusSeconds(s);
            int i = Math.floorMod(s / 10, PACKAGES.length);
            boolean after = s >= 0;
            line(b, "10.5.126.21", t.plusSeconds(0), "GET /pkgdb/acls/name/" + PACKAGES[i] + "?tg_format=json",
                    after ? 404 : 200, "bodhi/0.9.12 (python-fedora 0.3.35)");
            line(b, "10.5.126.52", t.plusSeconds(3), "GET /pkgdb/packages/name/" + PACKAGES[i], after ? 404 : 200,
                    "fedora-packages/2.0.14");
            // a script nobody declared, on the old paths
            line(b, "10.5.127.99", t.plusSeconds(5), "GET /pkgdb/lists/vcs?format=json", after ? 404 : 200,
                    "python-requests/2.2.1");
            if (after) { // bodhi's new client on the new API, answered well
                line(b, "10.5.126.22", t.plusSeconds(7), "GET /pkgdb/api/package/" + PACKAGES[i], 200, "bodhi/2.0.0");
            }
        }
        return b.toString();
    }

    /** After the follower ran: each incident with how long after the first failing call it was detected. */
    static void summary(Day day, PrintWriter out) {
        try (App app = App.open(new App.Settings(Optional.empty(), day.store()), Clock.systemUTC())) {
            List<Incident> list = app.incidents().list(IncidentRepository.Filter.all(), 100);
            out.println(list.size() + " incident(s) opened from the log; the cut-over was at "
                    + day.cut().atOffset(ZoneOffset.UTC).toLocalTime() + ", when the first calls failed:");
            for (Incident i : list) {
                out.println("  #" + i.id() + " detected " + Duration.between(day.firstFailure(), i.detectedAt())
                        .getSeconds() + " s after the cut-over (simulated time): " + i.title());
            }
        }
    }
}

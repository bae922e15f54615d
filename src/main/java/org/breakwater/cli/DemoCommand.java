package org.breakwater.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import org.breakwater.App;
import org.breakwater.policy.PolicyReader;
import org.breakwater.auth.AccessService;
import org.breakwater.web.WebServer;
import org.breakwater.web.WebSettings;
import org.breakwater.calendar.ReleaseCalendar;
import org.breakwater.calendar.files.CalendarException;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code breakwater demo}: the product's front door. It unpacks the demo data, loads it into a
 * store of its own and shows, through the same commands a user would run, what Breakwater
 * knows: the catalog, what runs where, who consumes the package database, what pkgdb2 (in
 * staging) would break in production, the plans and what CI hears; then it serves the store
 * with demo accounts to log in with.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show Breakwater on realistic demo data.",
            "",
            "Unpacks a catalog modelled on Fedora's infrastructure team in 2014 (teams,",
            "25 services, who consumes the package database and the account system),",
            "loads it and a deployment history into a store of its own, and shows what",
            "runs where, who consumes pkgdb, and what the pkgdb2 release in staging would",
            "break in production; then serves it all on http://127.0.0.1:8080/ until",
            "Ctrl-C (--no-serve to stop after the walkthrough).",
            "",
            "Examples:",
            "  breakwater demo",
            "  breakwater demo --dir /tmp/bw-demo --format markdown"})
final class DemoCommand implements Callable<Integer> {
    private static final String RULE = "─".repeat(78);

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to unpack the demo data (default: a new temporary folder)")
    Path dir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "report format of the API diff, as for `breakwater diff` (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--no-serve", description = "show the walkthrough and exit, without starting the server")
    boolean noServe;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "where the server listens (default: ${DEFAULT-VALUE}; a free port if it is taken)")
    int port;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path temporary = null;
        try {
            if (dir == null) {
                temporary = Files.createTempDirectory("breakwater-demo-");
            }
            return demo(dir != null ? dir : temporary, temporary != null);
        } catch (IOException e) {
            err.println("breakwater demo: cannot make a temporary folder: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        } finally {
            TemporaryFolder.remove(temporary);
        }
    }

    private int demo(Path folder, boolean temporary) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root;
        Path store;
        try {
            root = DemoData.unpack(folder);
            store = root.resolve("store");
            for (String f : List.of("breakwater.db", "breakwater.db-wal", "breakwater.db-shm")) {
                Files.deleteIfExists(store.resolve(f)); // the demo's own store, from an earlier run
            }
        } catch (IOException e) {
            err.println("breakwater demo: cannot unpack the demo data: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        Path catalogDir = root.resolve("catalog");
        try (DemoReplay standIns = DemoReplay.start()) {
            standIns.configure(catalogDir);
            return demo(root, store, catalogDir, temporary, standIns);
        } catch (IOException e) {
            err.println("breakwater demo: cannot start the stand-in pkgdb servers: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR;
        }
    }

    private int demo(Path root, Path store, Path catalogDir, boolean temporary, DemoReplay standIns) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Breakwater demo: an infrastructure team like Fedora's in 2014, before the pkgdb2 roll-out");
        out.println("Demo data unpacked to " + root + " (store: " + store.resolve("breakwater.db") + ")"
                + (temporary ? "; a temporary folder, removed when the demo stops (--dir DIR keeps it)" : ""));
        try {
            try (App app = App.open(new App.Settings(Optional.empty(), store), Clock.systemUTC())) {
                int code = load(app, catalogDir, root, out, err);
                if (code != ExitCode.OK) {
                    return code;
                }
            }
        } catch (StoreException e) {
            err.println("breakwater demo: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        DemoPlans.Made plans;
        List<Long> meetings;
        try (App app = App.open(new App.Settings(Optional.empty(), store), Clock.systemUTC())) {
            ReleaseCalendar calendar = DemoPlans.calendar(root, LocalDate.now(ZoneOffset.UTC));
            app.calendar().replace("calendar.yaml", calendar.windows(), calendar.recurring());
            plans = DemoPlans.make(app, Instant.now());
            meetings = DemoMeetings.ingest(app, root, LocalDate.now(ZoneOffset.UTC), plans);
            DemoPlans.accounts(app);
            DemoDay.make(app, plans.pkgdb2());
        } catch (IOException | CalendarException | IllegalStateException e) {
            err.println("breakwater demo: the demo plans do not load (a bug in the demo data): " + e.getMessage());
            return ExitCode.INTERNAL_ERROR;
        }
        try {
            DemoSuites.make(store, catalogDir, Instant.now());
        } catch (IllegalStateException e) {
            err.println("breakwater demo: the demo plans do not load (a bug in the demo data): " + e.getMessage());
            return ExitCode.INTERNAL_ERROR;
        }
        String data = "--data-dir=" + store;
        section(out, "What runs where", "breakwater where pkgdb --data-dir " + store);
        run(out, err, "where", "pkgdb", data);
        run(out, err, "where", "fas", data);
        section(out, "Who would a change to pkgdb's getPackageAcls hit", "breakwater consumers pkgdb"
                + " --operation getPackageAcls --transitive --data-dir " + store);
        run(out, err, "consumers", "pkgdb", "--operation", "getPackageAcls", "--transitive", data);
        Path v1 = catalogDir.resolve("apis/pkgdb/v1/pkgdb.yaml");
        Path v2 = catalogDir.resolve("apis/pkgdb/v2/openapi.yaml");
        section(out, "What pkgdb2 (in staging) breaks against production (pkgdb 1.x)",
                "breakwater diff " + v1 + " " + v2 + " --format " + format);
        int code = run(out, err, "diff", v1.toString(), v2.toString(), "--format", format);
        out.println("(exit code " + code + (code == ExitCode.CHECK_FAILED ? ": breaking changes, so a CI job would stop here)"
                : ")"));
        section(out, "The release calendar: Fedora 21's freezes and releases", "breakwater calendar show --data-dir " + store);
        run(out, err, "calendar", "show", "--to", LocalDate.now(ZoneOffset.UTC).plusDays(70).toString(), data);
        String p1 = Long.toString(plans.pkgdb2());
        String p2 = Long.toString(plans.bodhi2());
        section(out, "The pkgdb2 roll-out as it should have gone, with the account system in the same plan",
                "breakwater plan show " + p1 + " --data-dir " + store);
        run(out, err, "plan", "show", p1, data);
        section(out, "pkgdb's end-to-end suite in staging: the plan's staging-green gate follows its runs",
                "breakwater staging runs pkgdb-e2e --data-dir " + store);
        run(out, err, "staging", "runs", "pkgdb-e2e", data);
        run(out, err, "staging", "history", "pkgdb-e2e", data);
        section(out, "What a CI pipeline hears today", "breakwater can-deploy --plan " + p1 + " --data-dir " + store);
        run(out, err, "can-deploy", "--plan", p1, data);
        Path logs;
        try {
            logs = DemoTraffic.write(root, Instant.now());
        } catch (IOException e) {
            err.println("breakwater demo: cannot write the demo's access logs: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        section(out, "Who really calls pkgdb: its access logs, read against the catalog",
                "breakwater traffic ingest --service pkgdb --env production " + logs.resolve("pkgdb-production.log"));
        run(out, err, "traffic", "ingest", "--service", "pkgdb", "--env", "production",
                logs.resolve("pkgdb-production.log").toString(), data);
        run(out, err, "traffic", "ingest", "--service", "pkgdb", "--env", "staging",
                logs.resolve("pkgdb-staging.log").toString(), data);
        section(out, "Who still calls what the pkgdb2 plan breaks (last 30 days of production traffic)",
                "breakwater traffic impact " + p1 + " --days 30 --data-dir " + store);
        run(out, err, "traffic", "impact", p1, "--days", "30", data);
        section(out, "How far each consumer of the pkgdb2 plan has come (the consumer gates follow this)",
                "breakwater traffic migrations " + p1 + " --data-dir " + store);
        run(out, err, "traffic", "migrations", p1, data);
        section(out, "Production's real calls replayed against staging: stand-in pkgdb 1.9 (" + standIns.baseline()
                + ") and 2.0 (" + standIns.candidate() + ")", "breakwater staging replay " + p1 + " --data-dir " + store);
        run(out, err, "staging", "replay", p1, "--rate", "200", data);
        out.println("(the plan's staging-replay gate waits until each difference is acknowledged: breakwater staging"
                + " replay " + p1 + " --acknowledge KEY --by NAME --note WHY, or on " + "the plan's replay page)");
        section(out, "A production host calling staging: the script ported to pkgdb2 but still pointing at stg",
                "breakwater traffic crossings pkgdb --data-dir " + store);
        run(out, err, "traffic", "crossings", "pkgdb", data);
        section(out, "The pkgdb2 day's roster: proposed from the plan, everyone confirmed (the roster gate follows)",
                "breakwater roster show " + p1 + " --data-dir " + store);
        run(out, err, "roster", "show", p1, data);
        section(out, "The day's board: checklist, roster, incidents, whether a rollback is possible",
                "breakwater board show " + p1 + " --data-dir " + store);
        run(out, err, "board", "show", p1, data);
        section(out, "How deployments have gone this year: DORA's four keys", "breakwater measures --days 365 --data-dir "
                + store);
        run(out, err, "measures", "--days", "365", data);
        section(out, "The post-mortem draft, assembled from the record", "breakwater postmortem " + p1 + " --data-dir "
                + store);
        run(out, err, "postmortem", p1, data);
        section(out, "Staging against production: what staging never sees (Bugzilla's sync script), with a score",
                "breakwater staging parity --service pkgdb --data-dir " + store);
        run(out, err, "staging", "parity", "--service", "pkgdb", data);
        section(out, "What the end-to-end suite (user agent rube/) exercised of pkgdb 2.0.0 in staging",
                "breakwater staging coverage --service pkgdb --identify 'userAgent:^rube/' --data-dir " + store);
        run(out, err, "staging", "coverage", "--service", "pkgdb", "--identify", "userAgent:^rube/", data);
        String p3 = Long.toString(plans.fedocal());
        section(out, "Due now: fedocal 1.0, a borderline service's major update, classified at yesterday's meeting",
                "breakwater meeting show " + meetings.get(1) + " --data-dir " + store);
        out.println("Whether the policy applies to a borderline service is the weekly meeting's call. The demo read"
                + " the minutes of the last two meetings (" + root.resolve("meetings") + ", as MeetBot writes them):"
                + " the #agreed line classifying fedocal became plan " + p3 + "'s meeting decision, with the chair as"
                + " approver and a link to the line; the topic naming BW-" + p1 + " became its meeting gate's evidence.");
        run(out, err, "meeting", "show", Long.toString(meetings.get(1)), data);
        run(out, err, "can-deploy", "--plan", p3, data);
        out.println("Next week's agenda, with the lines for the chair to paste (mailed to the list a day ahead):");
        run(out, err, "meeting", "agenda", data);
        String f21 = LocalDate.now(ZoneOffset.UTC).plusDays(DemoPlans.F21_FINAL_DAY).toString();
        section(out, "When can bodhi2 go out? Not before Fedora 21 is out, then a few weeks after it",
                "breakwater plan propose " + p2 + " --not-before " + f21 + " --data-dir " + store);
        run(out, err, "plan", "propose", p2, "--not-before", f21, data);
        deploymentDay(root, catalogDir, out, err);
        out.println(RULE);
        if (temporary) {
            out.println(noServe ? "The demo's temporary folder is removed as it ends: to try the commands below, run"
                    + " it again with --dir DIR (which keeps the folder) and use that DIR."
                    : "Try these in another terminal while the demo serves (its temporary folder is removed when it"
                    + " stops; --dir DIR keeps it):");
        }
        out.println("Try: ./breakwater plan assess " + p1 + " --data-dir " + store + "   (every break and who it hits)");
        out.println("     ./breakwater gate record " + p1 + " outage-notice --evidence URL --data-dir " + store);
        out.println("     ./breakwater where --data-dir " + store);
        out.println("     ./breakwater consumers fas --transitive --data-dir " + store);
        out.println("     ./breakwater catalog validate " + catalogDir);
        out.println("     ./breakwater diff " + v1 + " " + v2 + " --format html --output pkgdb-diff.html");
        out.println("     ./breakwater diff ... --ignore " + catalogDir.resolve("apis/pkgdb/breakwater-ignore.yaml"));
        out.flush();
        int result = code == ExitCode.CHECK_FAILED ? ExitCode.OK : code;
        if (result != ExitCode.OK || noServe) {
            return result;
        }
        return serve(store, temporary ? root : null, plans, out, err);
    }

    /** Serves the demo store until Ctrl-C (or until this thread is interrupted, as tests do). */
    private int serve(Path store, Path temporary, DemoPlans.Made plans, PrintWriter out, PrintWriter err) {
        boolean interrupted = false;
        try (App app = App.open(new App.Settings(Optional.empty(), store), Clock.systemUTC())) {
            WebServer server;
            Path outgoing = store.getParent().resolve("outgoing");
            WebSettings settings = new WebSettings(false, false, Optional.of(DemoPlans.loginHint()), Optional.empty(),
                    new WebSettings.Mail(org.breakwater.announce.Templates.defaults(), DemoPlans.FROM,
                            Optional.of(new org.breakwater.announce.mail.FolderCourier(outgoing, DemoPlans.FROM))));
            AccessService access = app.access();
            try {
                server = WebServer.start(app, PolicyReader.defaults(), access, settings, "127.0.0.1", port);
            } catch (RuntimeException e) { // the port is taken
                server = WebServer.start(app, PolicyReader.defaults(), access, settings, "127.0.0.1", 0);
            }
            String url = "http://127.0.0.1:" + server.port() + "/";
            out.println(RULE);
            out.println("Breakwater serves the demo at " + url);
            out.println("  the pkgdb2 plan: " + url + "plans/" + plans.pkgdb2() + "   the package database: " + url
                    + "services/pkgdb");
            out.println("  due now, waiting on the meeting's decision: " + url + "plans/" + plans.fedocal());
            out.println("  the API:  " + url + "api/v1/can-deploy?plan=" + plans.pkgdb2());
            out.println("  " + DemoPlans.loginHint());
            out.println("  Announcements sent from the pages are written to " + outgoing + " (no mail leaves this machine).");
            out.println("Ctrl-C stops it.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            WebServer running = server;
            Thread hook = new Thread(() -> {
                running.close();
                TemporaryFolder.remove(temporary); // Ctrl-C: the JVM may end before call() removes it
                stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true; // closed below with the flag clear, then set again
                Runtime.getRuntime().removeShutdownHook(hook);
                running.close();
            }
        } catch (StoreException e) {
            err.println("breakwater demo: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** Imports the demo catalog and records its deployment history. */
    private static int load(App app, Path catalogDir, Path root, PrintWriter out, PrintWriter err) {
        CatalogCheck check = org.breakwater.catalog.CatalogValidator.check(
                new org.breakwater.catalog.files.CatalogFolderReader(
                        ReadLimits.defaults()).read(catalogDir));
        if (!(app.catalog().importCatalog(check) instanceof Outcome.Done<?>)) {
            check.problems().forEach(err::println);
            err.println("breakwater demo: the demo catalog does not import; this is a bug in the demo data");
            return ExitCode.INTERNAL_ERROR;
        }
        Catalog c = check.catalog();
        long essential = c.services().stream().filter(s -> s.tier() == Tier.ESSENTIAL).count();
        long borderline = c.services().stream().filter(s -> s.tier() == Tier.BORDERLINE).count();
        long outside = c.teams().stream().filter(t -> !t.infrastructure()).count();
        section(out, "The catalog", "breakwater catalog import " + catalogDir);
        out.printf("%d teams (%d outside infrastructure), %d people, %d services (%d essential, %d borderline,"
                        + " %d leaf), %d consumers%n", c.teams().size(), outside, c.people().size(), c.services().size(),
                essential, borderline, c.services().size() - essential - borderline, c.consumers().size());
        try {
            List<DemoData.DemoDeployment> history = DemoData.deployments(root, Instant.now());
            for (DemoData.DemoDeployment d : history) {
                Optional<ApiDescription> api = d.spec().isPresent()
                        ? Optional.of(ApiFiles.read(d.spec().get(), ReadLimits.defaults()).description()) : Optional.empty();
                Outcome<?> o = app.catalog().recordDeployment(new NewDeployment(d.service(), d.version(),
                        d.environment(), d.at(), d.by(), d.notes()), api);
                if (o instanceof Outcome.Refused<?> r) {
                    err.println("breakwater demo: deployment of " + d.service() + " " + d.version() + ": " + r.reason());
                    return ExitCode.INTERNAL_ERROR;
                }
            }
            out.println(history.size() + " deployments recorded (staging and production, the last "
                    + "year), as CI would with `breakwater record-deployment`.");
        } catch (SpecException e) {
            err.println("breakwater demo: " + e.problem());
            return ExitCode.INTERNAL_ERROR;
        } catch (IOException e) {
            err.println("breakwater demo: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR;
        }
        return ExitCode.OK;
    }

    /** The pkgdb2 day replayed in a store of its own: the follower's detector opens the incidents. */
    private static void deploymentDay(Path root, Path catalogDir, PrintWriter out, PrintWriter err) {
        DemoIncidents.Day day;
        try {
            day = DemoIncidents.prepare(root, catalogDir, Instant.now());
        } catch (IOException | org.breakwater.apidiff.spec.SpecException | RuntimeException e) {
            err.println("breakwater demo: the deployment day does not load (a bug in the demo data): " + e.getMessage());
            return;
        }
        String data = "--data-dir=" + day.store();
        section(out, "The pkgdb2 day, replayed: production traffic after the cut-over, followed, breakage detected",
                "breakwater traffic ingest --service pkgdb --env production --follow --polls 1 " + day.log()
                        + " --data-dir " + day.store());
        run(out, err, "traffic", "ingest", "--service", "pkgdb", "--env", "production", "--follow", "--polls", "1",
                "--quiet", day.log().toString(), data);
        DemoIncidents.summary(day, out);
        section(out, "The day's incidents", "breakwater incident list --data-dir " + day.store());
        run(out, err, "incident", "list", data);
    }

    private static void section(PrintWriter out, String title, String command) {
        out.println();
        out.println("== " + title);
        out.println("$ " + command);
    }

    /** Runs one command as a user would, through {@link Main#run}, which closes the stores it opened. */
    private static int run(PrintWriter out, PrintWriter err, String... args) {
        out.flush();
        int code = Main.run(args, out, err);
        out.flush();
        return code;
    }
}

package org.breakwater.catalog.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breakwater.App;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater prune}: the retention setting for deployment history, applied. */
@WritesStore
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Forget deployment records, traffic counts, suite runs and replays older than the retention period.",
            "",
            "Deployment history grows with every deploy. This deletes records older",
            "than --keep (default: $BREAKWATER_RETENTION, else 730d), except the newest",
            "of each service and environment: what runs now is never forgotten. Traffic",
            "counts (per caller and operation) and calls across environments last seen",
            "before then go too, and staging suite runs (with their test cases) started",
            "before then, except each suite's newest 20, and replays of production's",
            "calls (with their differences) started before then, except each plan's",
            "newest 20. Run it from cron, or after record-deployment in CI.",
            "",
            "Examples:",
            "  breakwater prune",
            "  breakwater prune --keep 365d"})
public final class PruneCommand implements Callable<Integer> {
    private static final Pattern SPAN = Pattern.compile("(\\d+)([dwy])");

    @Spec
    CommandSpec spec;

    @Option(names = "--keep", paramLabel = "SPAN", description = "how much history to keep: 90d, 12w, 2y")
    String keep;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = keep != null ? keep : System.getenv().getOrDefault("BREAKWATER_RETENTION", "730d");
        Matcher m = SPAN.matcher(text.trim());
        if (!m.matches()) {
            err.println("breakwater prune: '" + text + "' is not a period; write it as 90d, 12w or 2y");
            return ExitCode.INPUT_ERROR;
        }
        long n = Long.parseLong(m.group(1));
        Duration span = switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(365 * n);
        };
        return store.run("prune", err, app -> {
            Instant before = Instant.now().minus(span);
            App.Pruned pruned = app.prune(before);
            int deleted = pruned.deployments();
            int traffic = pruned.trafficCounts();
            out.println("Deleted " + deleted + " deployment record" + (deleted == 1 ? "" : "s") + " older than "
                    + org.breakwater.cli.common.Times.show(before) + " (kept what runs now), and " + traffic
                    + " traffic count" + (traffic == 1 ? "" : "s")
                    + " last seen before then; " + pruned.suiteRuns() + " suite run" + (pruned.suiteRuns() == 1 ? "" : "s")
                    + " with " + pruned.suiteCases() + " test case" + (pruned.suiteCases() == 1 ? "" : "s")
                    + " (kept each suite's newest " + App.SUITE_RUNS_KEPT + "); " + pruned.replayRuns() + " replay"
                    + (pruned.replayRuns() == 1 ? "" : "s") + " with " + pruned.replayDifferences() + " difference"
                    + (pruned.replayDifferences() == 1 ? "" : "s") + " (kept each plan's newest " + App.SUITE_RUNS_KEPT
                    + ").");
            return ExitCode.OK;
        });
    }
}

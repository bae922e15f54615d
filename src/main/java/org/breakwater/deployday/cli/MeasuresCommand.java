package org.breakwater.deployday.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.deployday.measures.DayMeasures;
import org.breakwater.deployday.measures.FourKeys;
import org.breakwater.deployday.measures.Measures;
import org.breakwater.deployday.measures.Spread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater measures}: DORA's four keys, or one deployment's incident times. */
@Command(name = "measures", mixinStandardHelpOptions = true,
        description = {"How deployments go: DORA's four keys per service and team, or one plan's incidents.",
            "The keys over a window: deployment frequency, lead time from staging to production,",
            "change failure rate, time to restore (docs/deployment-day.md defines each); with --plan,",
            "one deployment's incidents and times to detect, acknowledge and repair.",
            "",
            "Examples:",
            "  breakwater measures --days 365",
            "  breakwater measures --plan 1 --json"},
        footer = {"", "Exit codes: 0 shown; 2 unknown plan or a window out of range; 3 internal error."})
public final class MeasuresCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--days", paramLabel = "N", defaultValue = "180", description = "the window (default: ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--plan", paramLabel = "PLAN", description = "one deployment's measures instead")
    Long plan;
    @Option(names = "--json", description = "print JSON")
    boolean json;
    @Mixin
    DayOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return options.run("measures", err, day -> plan != null
                ? Outcomes.exit(err, "measures", day.measures().day(plan),
                        m -> JsonOutput.print(out, json, g -> DayJson.day(g, m), () -> day(out, m)))
                : Outcomes.exit(err, "measures", day.measures().keys(days),
                        m -> JsonOutput.print(out, json, g -> DayJson.measures(g, m), () -> keys(out, m))));
    }

    private static void day(PrintWriter out, DayMeasures m) {
        out.println("Plan " + m.planId() + ": " + m.incidents() + " incident(s), " + m.open() + " open");
        out.println("  time to detect       " + spread(m.timeToDetect()));
        out.println("  time to acknowledge  " + spread(m.timeToAcknowledge()));
        out.println("  time to repair       " + spread(m.timeToRepair()));
    }

    private static void keys(PrintWriter out, Measures m) {
        out.println("Four keys, " + Times.show(m.from()) + " to " + Times.show(m.to()));
        out.println(String.format("%-22s %6s %8s %12s %9s %12s", "", "deploys", "per week", "lead time",
                "failed", "restore"));
        row(out, m.all());
        out.println("By team:");
        m.teams().forEach(k -> row(out, k));
        out.println("By service:");
        m.services().forEach(k -> row(out, k));
    }

    private static void row(PrintWriter out, FourKeys k) {
        out.println(String.format("%-22s %6d %8.2f %12s %9s %12s", k.group(), k.deployments(), k.perWeek(),
                show(k.leadTime()), k.changeFailureRate().map(r -> Math.round(r * 100) + "%").orElse("—"),
                show(k.timeToRestore())));
    }

    static String show(Optional<Duration> d) {
        return d.map(x -> x.toDays() > 0 ? x.toDays() + "d " + x.toHoursPart() + "h" : x.toHours() + "h "
                + x.toMinutesPart() + "m").orElse("—");
    }

    private static String spread(Spread s) {
        return s.mean().map(x -> "mean " + show(Optional.of(x)) + ", max " + show(s.max())).orElse("—");
    }
}

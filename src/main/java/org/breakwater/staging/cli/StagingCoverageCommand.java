package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.TimeConverter;
import org.breakwater.cli.common.Times;
import org.breakwater.staging.Coverage;
import org.breakwater.staging.StagingPair;
import org.breakwater.staging.TestCallers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater staging coverage}: which operations of what staging runs the tests exercised. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Which operations of the API description staging runs were exercised, between --since and",
            "--until, by the callers an identify rule picks out of staging's access logs (as read by",
            "breakwater traffic ingest): consumer:NAME, known (every caller the catalog names),",
            "userAgent:REGEX, address:CIDR or host:REGEX (docs/staging.md, \"Coverage\").",
            "With --suite: the suite's own identify rule, in the windows of its runs of the last --days.",
            "With --replay: the operations the replays of production's calls sent and had answered."})
final class StagingCoverageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "SERVICE", required = true, description = "the service")
    String service;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeConverter.class,
            description = "start of the window (default: 30 days before --until)")
    Optional<Instant> since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeConverter.class,
            description = "end of the window (default: now)")
    Optional<Instant> until;

    @Option(names = "--identify", paramLabel = "RULE", defaultValue = "known",
            description = "which callers are the tests (default: ${DEFAULT-VALUE})")
    String identify;

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "the calls of this suite (its identify rule) during its runs of the last --days")
    Optional<String> suite;

    @Option(names = "--replay", description = "the operations the replays of production's calls against the environment"
            + " sent and had answered, in their runs of the last --days")
    boolean replay;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "with --suite or --replay: how far back runs count (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--env", paramLabel = "ENV", description = "the staging environment (default: told from the catalog)")
    Optional<String> env;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Outcome<TestCallers> callers = TestCallers.parse(identify);
        if (callers instanceof Outcome.Refused<TestCallers> r) {
            err.println("breakwater staging coverage: --identify: " + r.reason());
            return ExitCode.INPUT_ERROR;
        }
        if ((suite.isPresent() || replay) && (since.isPresent() || until.isPresent() || !identify.equals("known"))
                || suite.isPresent() && replay) {
            err.println("breakwater staging coverage: --suite (or --replay) takes its rule and windows from the runs:"
                    + " give one of them and --days, not --identify, --since or --until");
            return ExitCode.INPUT_ERROR;
        }
        if (days < 1 || days > org.breakwater.staging.ParityService.MAX_DAYS) {
            err.println("breakwater staging coverage: --days is 1 to " + org.breakwater.staging.ParityService.MAX_DAYS);
            return ExitCode.INPUT_ERROR;
        }
        Instant end = until.orElseGet(Instant::now);
        Instant start = since.orElse(end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            err.println("breakwater staging coverage: --since " + start + " is not before --until " + end);
            return ExitCode.INPUT_ERROR;
        }
        return store.run("staging coverage", err, app -> {
            Outcome<StagingPair> pair = app.parity().environments(env, Optional.empty());
            if (pair instanceof Outcome.Refused<StagingPair> r && env.isEmpty()) {
                err.println("breakwater staging coverage: " + r.reason().replace("--staging", "--env"));
                return ExitCode.INPUT_ERROR;
            }
            String environment = env.orElseGet(() -> ((Outcome.Done<StagingPair>) pair).value().staging());
            Outcome<Coverage> found = suite.isPresent()
                    ? app.suiteCoverage().suite(suite.get(), service, environment, days)
                    : replay ? app.suiteCoverage().replay(service, environment, days) : app.coverage().coverage(service, environment, List.of(new Coverage.Window(start, end)),
                    ((Outcome.Done<TestCallers>) callers).value());
            return Outcomes.exit(err, "staging coverage", found, c -> {
                if (json) {
                    JsonOutput.print(out, g -> StagingJson.coverage(g, c));
                } else {
                    print(out, c);
                }
                return ExitCode.OK;
            });
        });
    }

    static void print(PrintWriter out, Coverage c) {
        Coverage.Window w = new Coverage.Window(c.windows().get(0).since(), c.windows().get(c.windows().size() - 1)
                .until());
        if (c.version().isEmpty() || c.operations().isEmpty()) {
            out.println(c.service() + " in " + c.environment() + " runs " + c.version().map(v -> v
                    + ", with no API description recorded").orElse("nothing recorded")
                    + ": no operation to cover (breakwater record-deployment --api).");
        } else {
            out.println(c.service() + " " + c.version().get() + " in " + c.environment() + ": " + c.exercised() + " of "
                    + c.operations().size() + " operations exercised (" + c.percent() + "%) by " + c.callers().rule()
                    + ", " + (c.windows().size() > 1 ? "in " + c.windows().size() + " runs, " : "") + Times.show(w.since())
                    + " → " + Times.show(w.until()) + ".");
            Table t = new Table("OPERATION", "EXERCISED", "CALLS", "BY");
            for (Coverage.Operation o : c.operations()) {
                t.row(o.operation(), o.exercised() ? "yes" : "no", Long.toString(o.calls()), String.join(", ", o.callers()));
            }
            t.print(out);
        }
        if (!c.elsewhere().isEmpty()) {
            out.println("Calls to nothing this description serves: " + String.join(", ", c.elsewhere().stream()
                    .map(o -> o.operation() + " (" + o.calls() + ")").toList()));
        }
    }
}

package org.breakwater.staging.replay.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.plan.Plan;
import org.breakwater.policy.PolicyReader;
import org.breakwater.staging.replay.ReplayJson;
import org.breakwater.staging.replay.ReplayLimits;
import org.breakwater.staging.replay.ReplayRun;
import org.breakwater.staging.replay.ReplayService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging replay PLAN}: production's sampled calls against the candidate, compared with its baselines. */
@WritesStore
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send the calls real consumers made to the plan's services in production (sampled by",
            "traffic ingest) to the candidate environment and to its baselines (the catalog's",
            "environment naming 'baselines'), and report what answers differently, per operation and",
            "per consumer. Only GET and HEAD are sent unless --allow names an operation; production is",
            "never called. Exit 1 while a difference is neither noise nor acknowledged."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "the plan's number")
    long plan;

    @Option(names = "--candidate", paramLabel = "ENV", description = "the environment to try (default: the one naming baselines)")
    Optional<String> candidate;

    @Option(names = "--show", description = "show the last replay instead of running one")
    boolean show;

    @Option(names = "--acknowledge", paramLabel = "KEY", description = "explain a difference of the last replay (with --by, --note)")
    Optional<String> acknowledge;

    @Option(names = "--by", paramLabel = "NAME", description = "who acknowledges")
    String by = "";

    @Option(names = "--note", paramLabel = "TEXT", description = "why the difference is fine")
    String note = "";

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20", description = "calls started per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "calls in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "per request (default: ${DEFAULT-VALUE})")
    int timeout;

    @Option(names = "--max-calls", paramLabel = "N", defaultValue = "2000", description = "total cap (default: ${DEFAULT-VALUE})")
    int maxCalls;

    @Option(names = "--noise", paramLabel = "PATH", description = "a JSON path whose differences mean nothing ($.updated, $.items[*].id); repeatable")
    List<String> noise = new ArrayList<>();

    @Option(names = "--allow", paramLabel = "OPERATION", description = "also send this unsafe operation's calls ('POST /search'); repeatable")
    List<String> allow = new ArrayList<>();

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReplayLimits limits;
        try {
            limits = new ReplayLimits(concurrency, rate, Duration.ofSeconds(timeout), maxCalls, ReplayLimits.BODY_LIMIT,
                    Set.copyOf(allow));
        } catch (IllegalArgumentException e) {
            err.println("breakwater staging replay: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        return store.run("staging replay", err, app -> {
            Optional<Plan> p = app.plans(PolicyReader.defaults()).plan(plan);
            if (p.isEmpty()) {
                err.println("breakwater staging replay: no plan " + plan);
                return ExitCode.INPUT_ERROR;
            }
            ReplayService replays = app.replays();
            if (acknowledge.isPresent()) {
                return Outcomes.exit(err, "staging replay", replays.acknowledge(plan, acknowledge.get(), by, note), a -> {
                    out.println("Acknowledged " + acknowledge.get() + " on plan " + plan + ".");
                    return ExitCode.OK;
                });
            }
            Outcome<ReplayRun> run = show ? replays.latestRun(plan).map(Outcome::done)
                    .orElseGet(() -> Outcome.refused("plan " + plan + " has no replay yet (breakwater staging replay "
                            + plan + ")")) : replays.replay(p.get(), candidate, limits, Set.copyOf(noise));
            return Outcomes.exit(err, "staging replay", run, done -> {
                List<ReplayRun.Acknowledgement> acks = replays.acknowledgements(plan);
                if (json) {
                    JsonOutput.print(out, g -> ReplayJson.run(g, done, acks));
                } else {
                    ReplayText.print(out, p.get(), done, acks);
                }
                Set<String> acked = new java.util.HashSet<>();
                acks.forEach(a -> acked.add(a.key()));
                return done.real().stream().allMatch(g -> acked.contains(g.key())) ? ExitCode.OK : ExitCode.CHECK_FAILED;
            });
        });
    }
}

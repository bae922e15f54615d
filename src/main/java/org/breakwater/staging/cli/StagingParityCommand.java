package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Placement;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.staging.Parity;
import org.breakwater.staging.ParityService;
import org.breakwater.staging.StagingPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater staging parity}: staging against production, per service, with a score. */
@Command(name = "parity", mixinStandardHelpOptions = true,
        description = {"Staging against production per service: the versions and API descriptions each runs",
            "(deployment records), the consumers active in production that staging has not seen in the",
            "last --days (scripts never deployed to staging), and the production hosts calling staging.",
            "The score is the share of these checks passed (docs/staging.md, \"Parity\")."})
final class StagingParityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "SERVICE", description = "one service (default: every deployed one)")
    Optional<String> service;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "how far back traffic counts (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--staging", paramLabel = "ENV", description = "the staging environment (default: told from the catalog)")
    Optional<String> staging;

    @Option(names = "--production", paramLabel = "ENV", description = "the production environment (default: told from the catalog)")
    Optional<String> production;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1 || days > ParityService.MAX_DAYS) {
            err.println("breakwater staging parity: --days must be between 1 and " + ParityService.MAX_DAYS);
            return ExitCode.INPUT_ERROR;
        }
        return store.run("staging parity", err, app -> Outcomes.exit(err, "staging parity",
                app.parity().environments(staging, production), envs -> {
                    if (service.isPresent()) {
                        return Outcomes.exit(err, "staging parity", app.parity().parity(service.get(), envs, days),
                                one -> show(out, List.of(one), envs));
                    }
                    return show(out, app.parity().all(envs, days), envs);
                }));
    }

    private int show(PrintWriter out, List<Parity> found, StagingPair envs) {
        if (json) {
            JsonOutput.print(out, g -> {
                if (service.isPresent()) {
                    StagingJson.parity(g, found.get(0));
                } else {
                    StagingJson.parities(g, found);
                }
            });
            return ExitCode.OK;
        }
        print(out, found, envs);
        return ExitCode.OK;
    }

    private void print(PrintWriter out, List<Parity> found, StagingPair envs) {
        if (found.isEmpty()) {
            out.println("No service is deployed to " + envs.staging() + " or " + envs.production()
                    + " (breakwater record-deployment).");
            return;
        }
        Table t = new Table("SERVICE", "SCORE", envs.staging().toUpperCase(java.util.Locale.ROOT),
                envs.production().toUpperCase(java.util.Locale.ROOT), "VERSIONS", "GAPS");
        for (Parity p : found) {
            t.row(p.service(), p.score() + "% (" + p.passed() + "/" + p.checks() + (p.productionTrafficRead() ? ")" : ", no logs)"), shown(p.staging()),
                    shown(p.production()), p.versions().id(), Integer.toString(p.gaps().size()));
        }
        t.print(out);
        for (Parity p : found) {
            if (p.gaps().isEmpty()) {
                continue;
            }
            out.println();
            out.println(p.service() + " — gaps (last " + p.days() + " days):");
            p.gaps().forEach(g -> out.println("  - " + g));
            if (p.unknownProductionCallers() > 0) {
                out.println("  (" + p.unknownProductionCallers() + " unknown caller(s) in production are not compared:"
                        + " name them in the catalog to include them)");
            }
        }
    }

    private static String shown(Optional<Placement> p) {
        return p.map(Placement::version).orElse("-");
    }
}

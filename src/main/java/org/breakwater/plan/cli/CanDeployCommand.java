package org.breakwater.plan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.Deprecations;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.plan.CanDeploy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater can-deploy}: the yes/no a pipeline asks before it deploys. */
@Command(name = "can-deploy", sortOptions = false,
        description = {"Answer whether a release may be deployed now, and if not, why.",
            "",
            "With --plan, about that plan; with --service and --version, about the open",
            "plan that ships the release to --to, or, when none does, about the release",
            "on its own: a release the policy exempts (a leaf service, no API breaks, a",
            "first deployment) may go; one the policy applies to needs a plan.",
            "",
            "Examples:",
            "  breakwater can-deploy --plan 1",
            "  breakwater can-deploy --service pkgdb --version 2.0.0 --to production",
            "  breakwater can-deploy --plan 1 --json",
            "  breakwater can-deploy --plan 1 --retry-while-pending 3600   (waits for gates)"},
        footer = {"", "Exit codes: 0 yes; 1 no (every unmet gate is listed); 2 usage error,",
            "unknown plan or service, a version that does not read as one, a release several open",
            "plans ship (ask with --plan), unreadable policy; 3 internal error."})
public final class CanDeployCommand implements Callable<Integer> {
    // not mixinStandardHelpOptions: its --version would take the place of this command's own --version;
    // the same -h, --help and -V as every other command
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
    boolean versionHelp;

    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "the plan's number")
        Long plan;

        @ArgGroup(exclusive = false)
        ReleaseTarget release;
    }

    static final class ReleaseTarget {
        @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "the service")
        String service;

        @Option(names = "--version", required = true, paramLabel = "VERSION", description = "the version to deploy")
        String version;

        @Option(names = "--to", paramLabel = "ENV", defaultValue = "production", description = "the environment (default: ${DEFAULT-VALUE})")
        String environment;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--json", description = "print the answer as JSON")
    boolean json;

    @Option(names = "--output", paramLabel = "FORMAT", hidden = true,
            description = "deprecated: --output json is --json; --output text is the default")
    String output;

    @Option(names = "--retry-while-pending", paramLabel = "SECONDS", defaultValue = "0",
            description = "while the answer is no only because gates are pending, ask again until this many seconds passed")
    long retrySeconds;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "30", description = "how often to ask again (default: ${DEFAULT-VALUE})")
    long pollSeconds;

    @Mixin
    StoreAndPolicy options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Boolean> asJson = Deprecations.outputFormat("can-deploy", output, json, err);
        if (asJson.isEmpty()) {
            return ExitCode.INPUT_ERROR;
        }
        if (retrySeconds < 0 || pollSeconds < 1) {
            err.println("breakwater can-deploy: --retry-while-pending must be 0 or more and --poll at least 1");
            return ExitCode.INPUT_ERROR;
        }
        return PlanContext.run("can-deploy", options, err, plans -> {
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(retrySeconds));
            while (true) {
                Outcome<CanDeploy> o = target.plan != null ? plans.canDeploy(target.plan)
                        : plans.canDeploy(target.release.service, target.release.version, target.release.environment);
                if (o instanceof Outcome.Refused<CanDeploy> r) {
                    err.println("breakwater can-deploy: " + r.reason());
                    return ExitCode.INPUT_ERROR;
                }
                CanDeploy answer = ((Outcome.Done<CanDeploy>) o).value();
                boolean wait = answer instanceof CanDeploy.No no && no.waitable()
                        && Instant.now().plusSeconds(pollSeconds).isBefore(giveUp.plusMillis(1));
                if (!wait) {
                    if (asJson.get()) {
                        JsonOutput.print(out, g -> PlanJson.canDeploy(g, answer));
                    } else {
                        PlanText.canDeploy(out, answer);
                    }
                    return answer instanceof CanDeploy.Yes ? ExitCode.OK : ExitCode.CHECK_FAILED;
                }
                err.println("breakwater can-deploy: not yet (" + answer.reasons().size() + " pending); asking again in "
                        + pollSeconds + " s");
                err.flush();
                try {
                    Thread.sleep(pollSeconds * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ExitCode.CHECK_FAILED;
                }
            }
        });
    }
}

package org.breakwater.plan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreAndPolicy;
import org.breakwater.cli.common.TimeConverter;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.PlanStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater plan create}. */
@WritesStore
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create a planned deployment.",
            "",
            "Each --release names a service and the version to ship. Its API description",
            "is the one recorded with that release (record-deployment --spec, e.g. when",
            "it went to staging) or the file given with --spec.",
            "",
            "Examples:",
            "  breakwater plan create --release pkgdb=2.0.0 --release fas=0.8.19 \\",
            "      --start \"$(date -u -d '+3 weeks' '+%Y-%m-%d 15:00')\" --duration 4h --owner pingou",
            "  breakwater plan create --release bodhi=2.0.0 --spec bodhi=api/openapi.yaml \\",
            "      --start 2030-01-22T14:00Z --ticket https://pagure.io/fedora-infrastructure/issue/4321",
            "",
            "A start in the past is warned about, and a --scheduled plan in the past needs",
            "--force. A start lies within 5 years of now, a duration is at most 14 days."})
final class PlanCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--release", required = true, paramLabel = "SERVICE=VERSION", description = "a release to ship (repeat)")
    Map<String, String> releases = new LinkedHashMap<>();

    @Option(names = "--spec", paramLabel = "SERVICE=FILE", description = "the candidate's API description (repeat)")
    Map<String, Path> specs = new LinkedHashMap<>();

    @Option(names = {"--env", "--environment"}, paramLabel = "ENV", defaultValue = "production",
            description = "target environment (default: ${DEFAULT-VALUE})")
    String environment;

    @Option(names = "--start", required = true, paramLabel = "TIME", converter = TimeConverter.class,
            description = "when the window starts; TIME is " + Times.FORMS)
    Instant start;

    @Option(names = "--duration", paramLabel = "SPAN", defaultValue = "2h", description = "expected duration (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--title", paramLabel = "TEXT", description = "default: the releases, e.g. 'pkgdb 2.0.0 + fas 0.8.19'")
    String title;

    @Option(names = "--owner", paramLabel = "USER", description = "who runs it (default: $USER)")
    String owner;

    @Option(names = "--ticket", paramLabel = "URL", description = "the ticket tracking it")
    String ticket;

    @Option(names = "--scheduled", description = "create it scheduled (default: a draft)")
    boolean scheduled;

    @Option(names = "--force", description = "schedule it even though its start has passed (a deployment recorded after the fact)")
    boolean force;

    @Option(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Mixin
    StoreAndPolicy options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Instant> at = Optional.of(start);
        Optional<Duration> span = Times.duration(duration);
        if (at.isEmpty() || span.isEmpty()) {
            err.println("breakwater plan create: " + (at.isEmpty() ? "--start '" + start
                    + "' is not a time; write it in UTC as '2014-06-16 12:00' or 2014-06-16T12:00:00Z"
                    : "--duration '" + duration + "' is not a span; write it as 90m, 4h or 1d"));
            return ExitCode.INPUT_ERROR;
        }
        Map<String, ApiDescription> descriptions = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : specs.entrySet()) {
            try {
                descriptions.put(e.getKey(), ApiFiles.read(e.getValue(), ReadLimits.defaults()).description());
            } catch (SpecException ex) {
                err.println("breakwater plan create: " + ex.problem());
                return ExitCode.INPUT_ERROR;
            } catch (IOException ex) {
                err.println("breakwater plan create: " + e.getValue() + ": cannot be read: " + ex.getMessage());
                return ExitCode.INPUT_ERROR;
            }
        }
        String who = Users.or(owner);
        String name = title != null ? title : String.join(" + ", releases.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList());
        NewPlan p = new NewPlan(name, releases, descriptions, environment, at.get(), span.get(), who,
                Optional.ofNullable(ticket), scheduled ? PlanStatus.SCHEDULED : PlanStatus.DRAFT);
        return PlanContext.run("plan create", options, err, plans -> {
            return Outcomes.exit(err, "plan create", plans.create(p, force), plan -> {
                plans.warnings(plan.id()).forEach(w -> err.println("breakwater plan create: warning: " + w));
                if (json) {
                    JsonOutput.print(out, g -> PlanJson.plan(g, plan));
                } else {
                    out.println("Created plan " + plan.id() + ": " + plan.releaseLabel() + " → " + plan.environment()
                            + ", " + Times.show(plan.start()) + " for " + Times.show(plan.duration())
                            + " (" + plan.status().id() + ")");
                    out.println("Next: breakwater plan assess " + plan.id());
                }
                return ExitCode.OK;
            });
        });
    }

}

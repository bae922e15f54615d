package org.breakwater.catalog.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Deployment;
import org.breakwater.catalog.MadeDue;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.Outcomes;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.TimeConverter;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.Users;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code breakwater record-deployment}: what CI calls after a deploy. */
@WritesStore
@Command(name = "record-deployment", sortOptions = false,
        description = {"Record that a version of a service now runs in an environment.",
            "",
            "CI calls this after each deploy, so that `breakwater where` knows what runs",
            "where and plans compare a candidate with what production really runs. With",
            "--spec the release's API description (and every file its $refs reach) is",
            "stored too, once per content. A release's API cannot change later: record",
            "a new build under a new version.",
            "",
            "Examples:",
            "  breakwater record-deployment --service pkgdb --version 2.0.0 \\",
            "      --env production --spec api/openapi.yaml",
            "  breakwater record-deployment --service fas --version 0.8.19 --env staging \\",
            "      --by puiterwijk --notes 'hotfix for #4321'"},
        footer = {"", "Exit codes: 0 recorded; 2 unknown service or environment, unreadable",
            "description, or the database cannot be opened; 3 internal error."})
public final class RecordDeploymentCommand implements Callable<Integer> {
    // not mixinStandardHelpOptions: its --version would take the place of this command's own --version;
    // the same -h, --help and -V as every other command
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
    boolean versionHelp;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "the service, as named in the catalog")
    String service;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "the version deployed")
    String version;

    @Option(names = {"--env", "--environment"}, required = true, paramLabel = "ENV",
            description = "where: staging, production, …")
    String environment;

    @Option(names = "--spec", paramLabel = "FILE", description = "the release's API description, to store with it")
    Path specFile;

    @Option(names = "--by", paramLabel = "USER", description = "who deployed (default: $USER)")
    String by;

    @Option(names = "--at", paramLabel = "TIME", converter = TimeConverter.class,
            description = "when (default: now); TIME is " + Times.FORMS)
    Instant at;

    @Option(names = "--notes", paramLabel = "TEXT", description = "a line for the history (ticket, reason)")
    String notes;

    @Option(names = "--json", description = "print the recorded deployment as JSON, with what it made due")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant when = at == null ? Instant.now() : at;
        Optional<ApiDescription> api = Optional.empty();
        if (specFile != null) {
            try {
                api = Optional.of(ApiFiles.read(specFile, ReadLimits.defaults()).description());
            } catch (SpecException e) {
                err.println("breakwater record-deployment: " + e.problem());
                return ExitCode.INPUT_ERROR;
            } catch (IOException e) {
                err.println("breakwater record-deployment: " + specFile + ": cannot be read: " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
        }
        String who = Users.or(by);
        NewDeployment d = new NewDeployment(service, version, environment, when, who, Optional.ofNullable(notes));
        Optional<ApiDescription> description = api;
        return store.run("record-deployment", err, app -> {
            return Outcomes.exit(err, "record-deployment", app.catalog().recordDeployment(d, description), done -> {
                MadeDue due = app.deployed(done);
                if (json) {
                    JsonOutput.print(out, g -> json(g, done, due));
                } else {
                    text(out, done, due);
                }
                return ExitCode.OK;
            });
        });
    }

    private static void text(PrintWriter out, Deployment done, MadeDue due) {
        out.println("Recorded: " + done.service() + " " + done.version() + " in " + done.environment()
                + " since " + done.at() + " by " + done.by()
                + done.apiHash().map(h -> " (API " + ApiDescription.shortHash(h) + ")").orElse(""));
        if (!due.suites().isEmpty()) {
            out.println("Suites covering it there, due now (serve runs them): " + String.join(", ", due.suites()));
        }
        if (!due.replays().isEmpty()) {
            out.println("Replays of the open plans releasing it, due now (serve replays them while the policy's"
                    + " staging.replaySchedule is on): " + String.join(", ", due.replays().stream()
                    .map(MadeDue.DuePlan::label).toList()));
        }
    }

    /** The deployment's fields, then what it made due: {@code dueSuites} (names) and {@code dueReplays} (plan ids). */
    private static void json(JsonGenerator g, Deployment done, MadeDue due) throws IOException {
        g.writeStartObject();
        Views.deploymentFields(g, done);
        g.writeArrayFieldStart("dueSuites");
        for (String s : due.suites()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("dueReplays");
        for (MadeDue.DuePlan p : due.replays()) {
            g.writeNumber(p.id());
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

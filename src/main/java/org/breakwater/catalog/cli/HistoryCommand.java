package org.breakwater.catalog.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Deployment;
import org.breakwater.cli.common.Ages;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater history SERVICE}: a service's deployments, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show a service's deployment history, newest first.",
            "",
            "Each record: when, where, which version (and its API hash), who, and the notes.",
            "A rollback shows as a newer record of an older version.",
            "",
            "Examples:",
            "  breakwater history pkgdb",
            "  breakwater history pkgdb --env production --limit 5 --json"})
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "the service")
    String service;

    @Option(names = {"--env", "--environment"}, paramLabel = "ENV", description = "only this environment")
    String environment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N records (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print the records as JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1) {
            err.println("breakwater history: --limit must be at least 1");
            return ExitCode.INPUT_ERROR;
        }
        return store.run("history", err, app -> {
            if (app.catalog().service(service).isEmpty()) {
                err.println("breakwater history: " + app.catalog().unknownService(service));
                return ExitCode.INPUT_ERROR;
            }
            List<Deployment> records = app.catalog().history(service, Optional.ofNullable(environment), limit);
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartArray();
                    for (Deployment d : records) {
                        Views.deployment(g, d);
                    }
                    g.writeEndArray();
                });
                return ExitCode.OK;
            }
            if (records.isEmpty()) {
                out.println("No deployments of " + service + " recorded" + (environment == null ? "" : " in " + environment) + ".");
                return ExitCode.OK;
            }
            Instant now = Instant.now();
            Table t = new Table("WHEN", "AGO", "ENVIRONMENT", "VERSION", "API", "BY", "NOTES");
            for (Deployment d : records) {
                t.row(Times.show(d.at()), Ages.since(d.at(), now), d.environment(), d.version(),
                        d.apiHash().map(ApiDescription::shortHash).orElse("-"), d.by(), d.notes().orElse(""));
            }
            t.print(out);
            return ExitCode.OK;
        });
    }
}

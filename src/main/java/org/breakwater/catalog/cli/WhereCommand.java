package org.breakwater.catalog.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.ApiDescription;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.cli.common.Ages;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import org.breakwater.cli.common.Times;
import org.breakwater.cli.common.TimeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater where [SERVICE]}: what runs where. */
@Command(name = "where", mixinStandardHelpOptions = true,
        description = {"Show what version of each service runs in each environment.",
            "",
            "One line per service and environment: the version, the hash of its API",
            "description, how long it has run there and who deployed it. Versions that",
            "differ between staging and production are what the next deployment ships.",
            "",
            "Examples:",
            "  breakwater where",
            "  breakwater where pkgdb",
            "  breakwater where --at '2014-06-02 09:00'",
            "  breakwater where --json | jq '.[] | select(.environment == \"staging\")'",
            "",
            "The history of one service: breakwater history pkgdb"})
public final class WhereCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..1", description = "only this service (default: all)")
    String service;

    @Option(names = "--at", paramLabel = "TIME", converter = TimeConverter.class,
            description = "what ran where at this time (default: now); TIME is " + Times.FORMS)
    Instant at;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Instant> when = Optional.of(at == null ? Instant.now() : at);
        return store.run("where", err, app -> {
            Outcome<List<Placement>> outcome = app.catalog().where(Optional.ofNullable(service), when.get());
            if (outcome instanceof Outcome.Refused<List<Placement>> r) {
                err.println("breakwater where: " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            List<Placement> places = ((Outcome.Done<List<Placement>>) outcome).value();
            Instant now = when.get();
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartArray();
                    for (Placement p : places) {
                        Views.placement(g, p, now);
                    }
                    g.writeEndArray();
                });
                return ExitCode.OK;
            }
            if (places.isEmpty()) {
                out.println(service == null ? "No deployments recorded yet (breakwater record-deployment --help)."
                        : "No deployments of " + service + " recorded yet.");
                return ExitCode.OK;
            }
            Table t = new Table("SERVICE", "ENVIRONMENT", "VERSION", "API", "AGE", "BY");
            for (Placement p : places) {
                t.row(p.service(), p.environment(), p.version(), p.apiHash().map(ApiDescription::shortHash).orElse("-"),
                        Ages.since(p.since(), now), p.by());
            }
            t.print(out);
            return ExitCode.OK;
        });
    }
}

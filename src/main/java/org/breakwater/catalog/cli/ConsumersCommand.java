package org.breakwater.catalog.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breakwater.catalog.AffectedConsumer;
import org.breakwater.catalog.OperationRef;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater consumers SERVICE}: who would a change hit. */
@Command(name = "consumers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List who consumes a service, or one of its operations.",
            "",
            "The operation may be given by operationId or as 'METHOD /path'; it is",
            "looked up in the API description production runs (else the one the",
            "catalog declares). Consumers that declare no operations use the whole API",
            "and are always listed. With --transitive, the consumers of every service",
            "such a consumer is part of are listed too, with the chain that reaches them.",
            "",
            "Examples:",
            "  breakwater consumers pkgdb",
            "  breakwater consumers pkgdb --operation getPackageAcls --transitive",
            "  breakwater consumers pkgdb --operation 'GET /packages/name/{package}' --json"})
public final class ConsumersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "the provider service")
    String service;

    @Option(names = "--operation", paramLabel = "OP", description = "only consumers of this operation")
    String operation;

    @Option(names = "--transitive", description = "also the consumers of consuming services, and so on")
    boolean transitive;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return store.run("consumers", err, app -> {
            Outcome<List<AffectedConsumer>> outcome = app.catalog().consumers(service, Optional.ofNullable(operation),
                    transitive);
            if (outcome instanceof Outcome.Refused<List<AffectedConsumer>> r) {
                err.println("breakwater consumers: " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            List<AffectedConsumer> found = ((Outcome.Done<List<AffectedConsumer>>) outcome).value();
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartArray();
                    for (AffectedConsumer a : found) {
                        Views.affected(g, a);
                    }
                    g.writeEndArray();
                });
                return ExitCode.OK;
            }
            String what = operation == null ? service : service + " " + operation;
            if (found.isEmpty()) {
                out.println("No known consumer of " + what + ".");
                return ExitCode.OK;
            }
            Table t = new Table("CONSUMER", "KIND", "OWNER", "DEPTH", "VIA", "USES");
            for (AffectedConsumer a : found) {
                t.row(a.consumer().name(), a.consumer().kind().id(), a.consumer().owner(), Integer.toString(a.depth()),
                        String.join(" → ", a.via()), a.uses().isEmpty() ? "whole API"
                                : String.join(", ", a.uses().stream().map(OperationRef::text).toList()));
            }
            t.print(out);
            long teams = found.stream().map(a -> a.consumer().owner()).distinct().count();
            out.println(found.size() + " consumer" + (found.size() == 1 ? "" : "s") + " of " + what + ", owned by "
                    + teams + " team" + (teams == 1 ? "" : "s") + ".");
            return ExitCode.OK;
        });
    }
}

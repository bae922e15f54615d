package org.breakwater.catalog.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.catalog.CatalogRepository.ImportSummary;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater catalog import DIR}: make the store's catalog what the files say. */
@WritesStore
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a catalog folder into the store.",
            "",
            "The store's catalog becomes what the files say, all or nothing: a catalog",
            "with errors changes nothing. Importing the same files twice changes",
            "nothing the second time. Services that left the files are retired, not",
            "deleted, so their deployment history stays.",
            "",
            "Examples:",
            "  breakwater catalog import catalog/",
            "  breakwater catalog import catalog-info.yaml     (a Backstage catalog)",
            "  breakwater catalog import catalog/ --db jdbc:postgresql://db/breakwater"},
        footer = {"", "Exit codes: 0 imported; 2 the catalog has errors (nothing imported) or",
            "the database cannot be opened; 3 internal error."})
final class CatalogImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the catalog folder, or one catalog file")
    Path source;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CatalogCheck check = CatalogChecks.check(source);
        if (!check.valid()) {
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartObject();
                    g.writeBooleanField("imported", false);
                    CatalogChecks.writeProblems(g, check);
                    g.writeEndObject();
                });
            } else {
                CatalogChecks.printProblems(err, check);
                err.println("breakwater catalog import: " + source + " has " + CatalogChecks.tally(check)
                        + "; nothing was imported");
            }
            return ExitCode.INPUT_ERROR;
        }
        return store.run("catalog import", err, app -> {
            Outcome<ImportSummary> outcome = app.catalog().importCatalog(check);
            if (outcome instanceof Outcome.Refused<ImportSummary> r) {
                err.println("breakwater catalog import: " + r.reason());
                return ExitCode.INPUT_ERROR;
            }
            ImportSummary s = ((Outcome.Done<ImportSummary>) outcome).value();
            if (json) {
                JsonOutput.print(out, g -> {
                    g.writeStartObject();
                    g.writeBooleanField("imported", true);
                    g.writeStringField("database", app.database().url());
                    g.writeNumberField("added", s.added());
                    g.writeNumberField("changed", s.changed());
                    g.writeNumberField("removed", s.removed());
                    g.writeNumberField("retired", s.retired());
                    CatalogChecks.writeProblems(g, check);
                    g.writeEndObject();
                });
            } else {
                CatalogChecks.printProblems(err, check);
                out.println("Imported " + source + " into " + app.database().url() + ": " + check.catalog().counts());
                out.println(s.unchanged() ? "No changes: the store already held this catalog."
                        : String.format("%d added, %d changed, %d removed, %d %s retired",
                        s.added(), s.changed(), s.removed(), s.retired(), s.retired() == 1 ? "service" : "services"));
            }
            return ExitCode.OK;
        });
    }
}

package org.breakwater.catalog.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.JsonOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater catalog validate DIR}: every problem of a catalog, without touching the store. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a catalog folder without importing it.",
            "",
            "Reports, each at file:line:column: unknown fields, duplicate names, teams,",
            "people, services and operations that do not exist (operations are checked",
            "against the API description a service names), and, as warnings,",
            "dependency cycles.",
            "",
            "Examples:",
            "  breakwater catalog validate catalog/",
            "  breakwater catalog validate catalog-info.yaml --json"},
        footer = {"", "Exit codes: 0 valid (warnings allowed); 1 errors found; 2 usage error or no such file or folder."})
final class CatalogValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the catalog folder, or one catalog file")
    Path source;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!java.nio.file.Files.exists(source)) {
            spec.commandLine().getErr().println("breakwater catalog validate: " + source + ": no such file or folder");
            return ExitCode.INPUT_ERROR;
        }
        CatalogCheck check = CatalogChecks.check(source);
        if (json) {
            JsonOutput.print(out, g -> {
                g.writeStartObject();
                g.writeStringField("catalog", source.toString());
                g.writeBooleanField("valid", check.valid());
                CatalogChecks.writeProblems(g, check);
                g.writeEndObject();
            });
        } else {
            CatalogChecks.printProblems(out, check);
            out.println(source + ": " + (check.valid() ? "valid" : "invalid") + " (" + CatalogChecks.tally(check)
                    + "); " + check.catalog().counts());
        }
        return check.valid() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}

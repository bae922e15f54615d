package org.breakwater.catalog.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.files.CatalogWriter;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater catalog export DIR}: the stored catalog back as files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the stored catalog as catalog files.",
            "",
            "Writes environments.yaml, teams.yaml, services.yaml, consumers.yaml and the",
            "declared API descriptions under apis/ into DIR; importing them again gives",
            "the same catalog. With '-' the catalog goes to standard output as one YAML",
            "document (without the API descriptions).",
            "",
            "Examples:",
            "  breakwater catalog export exported/",
            "  breakwater catalog export - | less"})
final class CatalogExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the folder to write into, or - for standard output")
    String target;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return store.run("catalog export", err, app -> {
            Catalog catalog = app.catalog().export();
            CatalogWriter writer = new CatalogWriter();
            if (target.equals("-")) {
                out.print(writer.document(catalog));
                out.flush();
                return ExitCode.OK;
            }
            try {
                List<Path> files = writer.write(catalog, app.catalog().declaredApis(), Path.of(target));
                out.println("Wrote " + files.size() + " files to " + target + ": " + catalog.counts());
                return ExitCode.OK;
            } catch (IOException e) {
                err.println("breakwater catalog export: cannot write " + target + ": " + e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
        });
    }
}

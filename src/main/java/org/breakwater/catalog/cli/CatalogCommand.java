package org.breakwater.catalog.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code breakwater catalog}: the catalog as code. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Check, import and export the service catalog.",
            "",
            "The catalog is a folder of YAML files a team keeps in git: teams, people,",
            "services (owner, tier, announcement lists, API description) and consumers",
            "(who calls which operation). Backstage catalog-info.yaml files are read",
            "too. The format: docs/catalog.md.",
            "",
            "Examples:",
            "  breakwater catalog validate catalog/",
            "  breakwater catalog import catalog/",
            "  breakwater catalog export exported/"},
        subcommands = {CatalogValidateCommand.class, CatalogImportCommand.class, CatalogExportCommand.class})
public final class CatalogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

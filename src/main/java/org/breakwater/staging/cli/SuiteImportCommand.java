package org.breakwater.staging.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.common.ExitCode;
import org.breakwater.cli.common.StoreOptions;
import org.breakwater.cli.common.WritesStore;
import org.breakwater.staging.SecretBox;
import org.breakwater.staging.files.SuiteFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code breakwater staging suite import DIR}: the suites the catalog files declare, all or nothing. */
@WritesStore
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Register the suites declared in the catalog files' 'suites:' sections.",
            "",
            "The suites read from files become exactly those the files declare (suites that left",
            "the files are removed; suites added by hand stay). A file with an error imports nothing."},
        footer = {"", "Exit codes: 0 imported; 2 the files have errors (nothing imported); 3 internal error."})
final class SuiteImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the catalog folder, or one catalog file")
    Path source;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SuiteFileReader.Read read = new SuiteFileReader().read(source);
        read.problems().forEach(err::println);
        if (!read.valid()) {
            err.println("breakwater staging suite import: " + source + " has errors; nothing was imported");
            return ExitCode.INPUT_ERROR;
        }
        return store.run("staging suite import", err, app -> {
            Outcome<Integer> o = app.suites(SecretBox.NONE).importFromFiles(read.suites());
            if (o instanceof Outcome.Refused<Integer> r) {
                err.println("breakwater staging suite import: " + r.reason() + "; nothing was imported");
                return ExitCode.INPUT_ERROR;
            }
            spec.commandLine().getOut().println("Imported " + read.suites().size() + " suite"
                    + (read.suites().size() == 1 ? "" : "s") + " from " + source);
            return ExitCode.OK;
        });
    }
}

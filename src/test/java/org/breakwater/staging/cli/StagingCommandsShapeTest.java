package org.breakwater.staging.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.PrintWriter;
import java.time.Clock;
import org.breakwater.cli.common.ErrorReporting;
import org.breakwater.cli.common.StoreOptions;
import org.junit.jupiter.api.Test;

/**
 * The staging commands start from cli/common (docs/progress.md, "Watch out for"): they open the
 * store through {@link StoreOptions#run} (the guarded opening: a store that cannot be reached, is
 * busy or on a full disk said in one line, exit 2), not with their own copy of it.
 */
class StagingCommandsShapeTest {
    @Test
    void the_staging_commands_open_the_store_only_through_store_options_run() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.breakwater.staging");
        noClasses().that().resideInAnyPackage("org.breakwater.staging..cli..")
                .should().callMethod(StoreOptions.class, "open", Clock.class)
                .orShould().callMethod(ErrorReporting.class, "guarded", String.class, PrintWriter.class,
                        ErrorReporting.Body.class)
                .because("StoreOptions.run is the one guarded opening of the store (cli/common)")
                .check(classes);
    }
}

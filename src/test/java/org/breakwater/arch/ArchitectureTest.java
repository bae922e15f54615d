package org.breakwater.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the dependency rules of shared/ARCHITECTURE.md true as the code grows. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                // not Predefined.DO_NOT_INCLUDE_TESTS: it only knows target/test-classes, and builds
                // may run elsewhere (-Dbw.buildDir)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.breakwater");
    }

    @Test
    void the_comparison_engine_depends_on_nothing_else_in_breakwater() {
        noClasses().that().resideInAPackage("org.breakwater.apidiff..")
                .should().dependOnClassesThat().resideInAnyPackage("org.breakwater.cli..", "org.breakwater.web..",
                        "org.breakwater.store..", "org.breakwater.catalog..", "org.breakwater.plan..")
                .check(classes);
    }

    @Test
    void the_comparison_engine_uses_no_framework_database_or_network() {
        noClasses().that().resideInAPackage("org.breakwater.apidiff..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.javalin..", "org.jdbi..",
                        "java.sql..", "java.net.http..", "jakarta.mail..")
                .check(classes);
    }

    @Test
    void only_the_command_line_entry_point_exits_the_process() {
        noClasses().that().doNotHaveFullyQualifiedName("org.breakwater.cli.Main")
                .should().callMethod(System.class, "exit", int.class)
                .check(classes);
    }

    @Test
    void the_engine_packages_have_no_cycles() {
        slices().matching("org.breakwater.apidiff.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void feature_domains_import_no_framework_or_database() {
        noClasses().that().resideInAnyPackage("org.breakwater.catalog", "org.breakwater.plan",
                        "org.breakwater.policy", "org.breakwater.calendar", "org.breakwater.announce",
                        "org.breakwater.auth", "org.breakwater.traffic", "org.breakwater.traffic.parse",
                        "org.breakwater.meeting", "org.breakwater.staging")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.javalin..", "org.jdbi..",
                        "java.sql..", "org.flywaydb..", "org.snakeyaml..", "com.fasterxml..", "jakarta.mail..",
                        "com.rabbitmq..")
                .check(classes);
    }

    @Test
    void feature_domains_do_not_depend_on_their_adapters() {
        noClasses().that().resideInAPackage("org.breakwater.catalog")
                .should().dependOnClassesThat().resideInAnyPackage("org.breakwater.catalog.store..",
                        "org.breakwater.catalog.cli..", "org.breakwater.catalog.files..", "org.breakwater.cli..")
                .check(classes);
    }

    @Test
    void the_staging_domain_reads_no_files_and_knows_no_adapter() {
        noClasses().that().resideInAPackage("org.breakwater.staging")
                .should().dependOnClassesThat().resideInAnyPackage("org.breakwater.staging..junit..",
                        "javax.xml..", "java.nio.file..", "java.io..")
                .check(classes);
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("org.breakwater.(*)..").should().beFreeOfCycles()
                // the commands' shared options and exit codes are a leaf every command uses
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.breakwater.cli.common"))
                .check(classes);
    }
}

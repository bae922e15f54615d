package org.breakwater.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.breakwater.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files get the permissions the umask gives any new file, so CI can publish them as artifacts. */
class ReportFilesTest {
    private static final Path V1 = Path.of("src/main/resources/demo/catalog/apis/pkgdb/v1/pkgdb.yaml");
    private static final Path V2 = Path.of("src/main/resources/demo/catalog/apis/pkgdb/v2/openapi.yaml");

    @TempDir
    Path dir;

    /** The permissions this process's umask gives a file created the ordinary way. */
    private Set<PosixFilePermission> umaskPermissions() throws Exception {
        Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
        return Files.getPosixFilePermissions(reference);
    }

    @Test
    void a_diff_report_written_with_output_is_as_readable_as_the_umask_says() throws Exception {
        Set<PosixFilePermission> expected = umaskPermissions();
        assumeTrue(expected.contains(PosixFilePermission.OTHERS_READ),
                "the umask hides files from others here (" + PosixFilePermissions.toString(expected) + ")");
        Path report = dir.resolve("reports/breakwater.md");

        int code = Main.run(new String[] {"diff", V1.toString(), V2.toString(), "-f", "markdown", "-o", report.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));

        assertThat(code).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .isEqualTo(PosixFilePermissions.toString(expected));
    }

    @Test
    void an_atomic_write_replaces_the_file_and_leaves_no_temporary_file() throws Exception {
        Set<PosixFilePermission> expected = umaskPermissions();
        Path target = dir.resolve("report.txt");
        ReportFiles.writeAtomically(target, "one");
        ReportFiles.writeAtomically(target, "two");

        assertThat(target).hasContent("two");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("reference.txt", "report.txt");
        }
    }
}

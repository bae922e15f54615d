package org.breakwater.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code breakwater demo}: the product's front door. Until the server exists it unpacks the
 * demo data (a package database's v1 and v2 API, modelled on Fedora's pkgdb → pkgdb2) and
 * shows the diff a release engineer would have seen before the 2014 roll-out.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show what Breakwater finds in the demo data.",
            "",
            "Unpacks the package database's v1 API (Swagger 2.0) and its v2 (OpenAPI",
            "3.0, several files), modelled on Fedora's pkgdb -> pkgdb2 roll-out of",
            "2014, and compares them.",
            "",
            "Examples:",
            "  breakwater demo",
            "  breakwater demo --dir /tmp/bw-demo --format markdown"})
final class DemoCommand implements Callable<Integer> {
    static final String[] FILES = {
        "demo/catalog/apis/pkgdb/v1/pkgdb.yaml",
        "demo/catalog/apis/pkgdb/v2/openapi.yaml",
        "demo/catalog/apis/pkgdb/v2/schemas/package.yaml",
        "demo/catalog/apis/pkgdb/v2/schemas/collection.yaml",
        "demo/catalog/apis/pkgdb/breakwater-ignore.yaml",
    };

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to unpack the demo data (default: a new temporary folder)")
    Path dir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "report format, as for `breakwater diff` (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path root;
        try {
            root = unpack();
        } catch (IOException e) {
            spec.commandLine().getErr().println("breakwater demo: cannot unpack the demo data: " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        Path v1 = root.resolve("catalog/apis/pkgdb/v1/pkgdb.yaml");
        Path v2 = root.resolve("catalog/apis/pkgdb/v2/openapi.yaml");
        out.println("Breakwater demo: the package database, v1 → v2 (modelled on Fedora's pkgdb2 roll-out, 2014)");
        out.println("Demo data unpacked to " + root);
        out.println("Running: breakwater diff " + v1 + " " + v2 + " --format " + format);
        out.println(new String(new char[78]).replace('\0', '─'));
        out.flush();
        picocli.CommandLine diff = Main.commandLine();
        diff.setOut(out);
        diff.setErr(spec.commandLine().getErr());
        int code = diff.execute("diff", v1.toString(), v2.toString(), "--format", format);
        out.println(new String(new char[78]).replace('\0', '─'));
        out.println("Exit code " + code + (code == Main.CHECK_FAILED ? ": breaking changes, so a CI job would stop here." : "."));
        out.println("Try: ./breakwater diff " + v1 + " " + v2 + " --format html --output pkgdb-diff.html");
        out.println("     ./breakwater diff ... --ignore " + root.resolve("catalog/apis/pkgdb/breakwater-ignore.yaml"));
        out.println("     ./breakwater rules");
        out.flush();
        return code == Main.CHECK_FAILED ? Main.OK : code;
    }

    /** Copies the demo data into {@code --dir} (or a new temporary folder) and returns that folder. */
    private Path unpack() throws IOException {
        Path root = dir != null ? dir : Files.createTempDirectory("breakwater-demo-");
        for (String name : FILES) {
            Path target = root.resolve(name.substring("demo/".length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("demo resource missing from the build: " + name);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return root;
    }
}

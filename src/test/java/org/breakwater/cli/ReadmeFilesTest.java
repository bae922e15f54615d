package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and the docs work in a fresh clone: every relative link points to a file the
 * repository has, every {@code examples/} path the commands name exists, and the example files
 * do what the README says with them.
 */
class ReadmeFilesTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern EXAMPLE = Pattern.compile("examples/[\\w./-]*[\\w/]");

    @TempDir
    Path dir;

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("examples/README.md")));
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void every_relative_link_in_the_readme_and_the_docs_points_to_a_file_of_the_repository() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            String[] lines = Files.readString(doc).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = LINK.matcher(lines[i]);
                while (m.find()) {
                    String target = m.group(1).replaceAll("#.*", "");
                    if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                        continue; // an anchor on the same page, or another site
                    }
                    checked++;
                    if (!Files.exists(doc.resolveSibling(target).normalize())) {
                        broken.add(doc + ":" + (i + 1) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(15);
        assertThat(broken).as("links to files a clone does not have").isEmpty();
    }

    @Test
    void every_example_file_the_readme_and_the_docs_name_is_in_the_repository() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = EXAMPLE.matcher(Files.readString(doc));
            while (m.find()) {
                Path file = doc.getFileName().toString().equals("README.md") && doc.getParent() != null
                        && doc.getParent().toString().equals("examples") ? doc.resolveSibling(m.group().substring(9))
                        : Path.of(m.group());
                if (!Files.exists(file)) {
                    missing.add(doc + ": " + m.group());
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Files.readString(Path.of("README.md"))).doesNotContain("../shared/ARCHITECTURE.md")
                .contains("examples/catalog/").contains("examples/fedora-21-schedule.ics").contains("examples/porting.txt");
    }

    private String run(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(expected);
        return out.toString();
    }

    @Test
    void the_example_files_do_what_the_readme_says() {
        String data = "--data-dir=" + dir;
        assertThat(run(0, "catalog", "validate", "examples/catalog/")).contains("valid (0 errors, 0 warnings)");
        assertThat(run(0, "catalog", "validate", "examples/backstage/catalog-info.yaml")).contains("valid");
        run(0, "catalog", "import", "examples/catalog/", data);
        assertThat(run(0, "calendar", "import", "examples/fedora-21-schedule.ics", data)).contains("3 freezes");
        String v1 = "examples/catalog/apis/pkgdb/v1/pkgdb.yaml";
        String v2 = "examples/catalog/apis/pkgdb/v2/openapi.yaml";
        assertThat(run(1, "diff", v1, v2)).contains("endpoint-removed");
        assertThat(run(1, "diff", v1, v2, "--ignore", "examples/catalog/apis/pkgdb/breakwater-ignore.yaml",
                "--format", "json")).contains("POST /acls/dispatcher/toggle_acl");
        run(0, "record-deployment", "--service", "pkgdb", "--version", "1.9.2", "--env", "production", "--spec", v1, data);
        run(0, "plan", "create", "--release", "pkgdb=2.0.0", "--start", "2030-06-16 15:00", data);
        assertThat(run(0, "announce", "draft", "1", "api-break-notice", "--notes-file", "examples/porting.txt", data))
                .contains("GET /api/package/acl/?pkgname={package}");
    }
}

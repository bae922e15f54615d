package org.breakwater.staging.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater staging suite ...}: register, list, remove, import from catalog files, secrets. */
class SuiteCliTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return runWithInput("", args);
    }

    /** Runs {@code args} on this test's store with {@code input} on standard input; JSON output {@link #compact}ed. */
    CliRun runWithInput(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun r = CliRun.run(args, List.of("--data-dir=" + dir.resolve("store")));
            return new CliRun(r.code(), compact(r.out()), r.err());
        } finally {
            System.setIn(before);
        }
    }

    /** JSON as printed, with the pretty printer's spaces taken out around ':' and list brackets. */
    static String compact(String json) {
        return json.replace("\" : ", "\":").replace("[ \"", "[\"").replace("\" ]", "\"]").replace("[ ]", "[]");
    }

    @BeforeEach
    void catalog() {
        assertThat(run("catalog", "import", "examples/catalog").code()).isZero();
    }

    Path key(String name, int seed) throws Exception {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return Files.writeString(dir.resolve(name), Base64.getEncoder().encodeToString(k));
    }

    @Test
    void a_suite_is_added_listed_as_json_and_removed() {
        CliRun add = run("staging", "suite", "add", "pkgdb-e2e", "--service", "pkgdb", "--command", "./run.sh",
                "--results", "out/*.xml", "--env", "BASE_URL=https://pkgdb.stg", "--timeout", "10m", "--display", "virtual",
                "--cron", "0 4 * * *", "--time-zone", "Europe/Paris");
        assertThat(add.code()).as(add.err()).isZero();
        CliRun list = run("staging", "suite", "list", "--json");
        assertThat(list.out()).contains("\"name\":\"pkgdb-e2e\"").contains("\"services\":[\"pkgdb\"]")
                .contains("\"timeout\":\"10m\"").contains("\"display\":\"virtual\"").contains("\"cron\":\"0 4 * * *\"")
                .contains("\"timeZone\":\"Europe/Paris\"").contains("\"BASE_URL\":\"https://pkgdb.stg\"")
                .contains("\"nextDue\":");
        assertThat(run("staging", "suite", "remove", "pkgdb-e2e").code()).isZero();
        assertThat(run("staging", "suite", "list").out()).contains("No suite is registered");
        assertThat(run("staging", "suite", "remove", "pkgdb-e2e").err()).contains("no suite 'pkgdb-e2e'");
    }

    @Test
    void a_suite_with_bad_fields_is_refused_and_nothing_stored() {
        CliRun bad = run("staging", "suite", "add", "x", "--service", "nosuch", "--command", "true", "--results", "r.xml",
                "--cron", "every day");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no service 'nosuch' in the catalog").contains("'every day' is not a cron expression")
                .contains("nothing was stored");
        assertThat(run("staging", "suite", "add", "x", "--service", "pkgdb", "--command", "true", "--results", "r.xml",
                "--timeout", "soon").err()).contains("--timeout is like 90s, 30m or 2h, not 'soon'");
        assertThat(run("staging", "suite", "list").out()).contains("No suite is registered");
    }

    @Test
    void a_secret_is_sealed_listed_by_name_only_and_a_wrong_key_changes_nothing() throws Exception {
        run("staging", "suite", "add", "s", "--service", "pkgdb", "--command", "true", "--results", "r.xml");
        Path key = key("key", 7);
        CliRun set = runWithInput("hunter2-value\n", "staging", "suite", "secret", "s", "TEST_PASSWORD", "--secrets-key-file",
                key.toString());
        assertThat(set.code()).as(set.err()).isZero();
        CliRun list = run("staging", "suite", "list", "--json");
        assertThat(list.out()).contains("\"secrets\":[\"TEST_PASSWORD\"]").doesNotContain("hunter2");
        CliRun wrong = runWithInput("other\n", "staging", "suite", "secret", "s", "OTHER", "--secrets-key-file",
                key("wrong", 9).toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("were sealed with another key").contains("nothing was changed");
        CliRun none = runWithInput("other\n", "staging", "suite", "secret", "s", "OTHER");
        assertThat(none.code()).isEqualTo(2);
        assertThat(run("staging", "suite", "list", "--json").out()).contains("\"secrets\":[\"TEST_PASSWORD\"]");
    }

    @Test
    void suites_in_catalog_files_are_imported_and_their_errors_have_file_line_and_column() throws Exception {
        Path catalog = Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(catalog.resolve("suites.yaml"), """
                suites:
                  - name: pkgdb-e2e
                    services: [pkgdb]
                    command: ./run.sh
                    results: out/*.xml
                    timeout: 5m
                    schedule: "0 5 * * *"
                    timeZone: Europe/Paris
                """);
        CliRun ok = run("staging", "suite", "import", catalog.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(run("staging", "suite", "list", "--json").out()).contains("\"origin\":\"" + catalog.resolve("suites.yaml"))
                .contains("\"workdir\":\"" + catalog.toAbsolutePath());
        Files.writeString(catalog.resolve("suites.yaml"), """
                suites:
                  - name: pkgdb-e2e
                    services: [pkgdb]
                    command: ./run.sh
                    results: out/*.xml
                    timout: 5m
                    display: hologram
                """);
        CliRun bad = run("staging", "suite", "import", catalog.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(catalog.resolve("suites.yaml") + ":6:13: error: unknown field 'timout' in a suite;"
                + " did you mean 'timeout'?").contains(":7:14: error: display is none or virtual, not 'hologram'")
                .contains("nothing was imported");
        assertThat(run("catalog", "validate", catalog.toString()).err()).doesNotContain("unknown field 'suites'");
    }

    @Test
    void a_suites_identify_rule_is_checked_in_the_catalog_files_with_file_line_and_column_and_by_suite_add() throws Exception {
        Path catalog = Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(catalog.resolve("suites.yaml"), """
                suites:
                  - name: pkgdb-e2e
                    services: [pkgdb]
                    command: ./run.sh
                    results: out/*.xml
                    identify: "userAgent:(rube"
                """);
        CliRun bad = run("staging", "suite", "import", catalog.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(catalog.resolve("suites.yaml") + ":6:15: error: identify rule 'userAgent:(rube':"
                + " not a regular expression").contains("nothing was imported");
        Files.writeString(catalog.resolve("suites.yaml"), """
                suites:
                  - name: pkgdb-e2e
                    services: [pkgdb]
                    command: ./run.sh
                    results: out/*.xml
                    identify: "userAgent:^rube/"
                """);
        assertThat(run("staging", "suite", "import", catalog.toString()).code()).isZero();
        assertThat(run("staging", "suite", "list", "--json").out()).contains("\"identify\":\"userAgent:^rube/\"");
        CliRun byHand = run("staging", "suite", "add", "other", "--service", "pkgdb", "--command", "true", "--results",
                "r.xml", "--identify", "user:rube");
        assertThat(byHand.code()).isEqualTo(2);
        assertThat(byHand.err()).contains("needs the log line").contains("nothing was stored");
        assertThat(run("staging", "suite", "list", "--json").out()).doesNotContain("\"other\"");
    }
}

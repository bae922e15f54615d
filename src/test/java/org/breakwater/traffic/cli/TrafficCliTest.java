package org.breakwater.traffic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater traffic}: a log read and its callers listed; bad input refused in words. */
class TrafficCliTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir.resolve("data")));
    }

    @BeforeEach
    void catalog() {
        assertThat(run("catalog", "import", "src/main/resources/demo/catalog").code()).isZero();
        assertThat(run("record-deployment", "--service", "pkgdb", "--version", "1.9.2", "--env", "production",
                "--at", "2014-05-01T10:00:00Z", "--spec", "src/main/resources/demo/catalog/apis/pkgdb/v1/pkgdb.yaml").code()).isZero();
    }

    @Test
    void a_log_is_read_and_its_callers_listed() throws Exception {
        Path log = Files.writeString(dir.resolve("access_log"),
                "10.5.126.20 - - [02/Jun/2014:10:00:00 +0000] \"GET /pkgdb/packages/name/guake HTTP/1.1\" 200 10 \"-\" \"curl/7.29\"\n"
                + "10.5.126.20 - - [02/Jun/2014:10:00:01 +0000] \"GET /pkgdb/packages/name/guake HTTP/1.1\" 200 10 \"-\" \"curl/7.29\"\n"
                + "garbage\n");
        CliRun ingest = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", log.toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("3 lines, 2 requests, 1 malformed").contains(log + ":3:")
                .contains("2 calls counted for pkgdb in production: 0 by known consumers, 2 by 1 unknown caller(s); 0 to no"
                        + " operation");
        assertThat(run("traffic", "consumers", "pkgdb").out())
                .containsPattern("production\\s+unknown \\(curl/7.29 from 10.5.126.20\\)\\s+GET /packages/name/\\{}\\s+2\\s+"
                        + "2014-06-02 10:00 UTC");
        assertThat(run("traffic", "consumers", "pkgdb", "--json").out()).contains("\"calls\" : 2");
        assertThat(run("plan", "create", "--release", "pkgdb=2.0.0", "--spec",
                "pkgdb=src/main/resources/demo/catalog/apis/pkgdb/v2/openapi.yaml", "--start", "2030-01-01 15:00").code())
                .isZero();
        CliRun impact = run("traffic", "impact", "1", "--days", "36500");
        assertThat(impact.code()).as(impact.err()).isZero();
        assertThat(impact.out()).containsPattern("unknown \\(curl/7.29 from 10.5.126.20\\)\\s+pkgdb\\s+GET /packages/name/\\{}\\s+2")
                .contains("1 caller(s) are not in the catalog");
        assertThat(run("traffic", "impact", "1", "--days", "1").out()).contains("No call in the last 1 days");
        assertThat(run("traffic", "impact", "9").err()).contains("no plan 9");
    }

    @Test
    void bad_input_is_refused() {
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "nope.log").err())
                .contains("nope.log: not a readable file");
        assertThat(run("traffic", "ingest", "--service", "nosuch", "--env", "production", "-").err())
                .contains("unknown service 'nosuch'");
        CliRun format = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--format", "$remote_addr $$x", "-");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format:");
        assertThat(run("traffic", "consumers", "nosuch").err()).contains("unknown service 'nosuch'");
        assertThat(run("traffic", "consumers", "fas").out()).contains("No traffic of fas read yet");
    }

    @Test
    void a_folder_is_followed_and_read_on_from_where_it_stopped() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        String line = "10.5.126.30 - - [02/Jun/2014:10:00:00 +0000] \"GET /pkgdb/notify/all HTTP/1.1\" 200 10 \"-\" \"x/1\"\n";
        Files.writeString(logs.resolve("access_log"), line + line);
        CliRun first = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--follow", "--polls", "1",
                "--interval", "1", logs.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("Following " + logs);
        assertThat(first.out()).contains("access_log: +2 lines, 2 requests, 0 malformed");
        Files.writeString(logs.resolve("access_log"), line, java.nio.file.StandardOpenOption.APPEND);
        CliRun second = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--follow", "--polls", "2",
                "--interval", "1", "--json", logs.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("\"lines\" : 1").contains("(from byte " + 2 * line.length() + ")");
        assertThat(run("traffic", "consumers", "pkgdb", "--json").out()).contains("\"calls\" : 3")
                .contains("owner-alias-sync");
    }

    @Test
    void migrations_and_crossings_are_listed() throws Exception {
        assertThat(run("record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env", "staging",
                "--at", "2014-06-01T10:00:00Z", "--spec", "src/main/resources/demo/catalog/apis/pkgdb/v2/openapi.yaml")
                .code()).isZero();
        assertThat(run("traffic", "crossings", "pkgdb").out()).contains("No call into pkgdb came from another environment");
        String yesterday = java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        Path log = Files.writeString(dir.resolve("stg.log"),
                "10.5.126.30 - - [" + yesterday + "] \"GET /pkgdb/api/notify/all HTTP/1.1\" 200 10 \"-\" \"x/1\"\n");
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "staging", log.toString()).code()).isZero();
        assertThat(run("traffic", "crossings", "pkgdb").out())
                .containsPattern("staging\\s+production\\s+10\\.5\\.126\\.30\\s+owner-alias-sync\\s+1");
        assertThat(run("traffic", "crossings", "pkgdb", "--json").out()).contains("\"from\" : \"production\"");
        assertThat(run("traffic", "consumers", "pkgdb").out()).contains("1 caller(s) called across environments");
        assertThat(run("plan", "create", "--release", "pkgdb=2.0.0", "--start", "2030-01-01 15:00").code()).isZero();
        CliRun m = run("traffic", "migrations", "1");
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(m.out()).contains("owner-alias-sync — declared")
                .contains("WARNING: a production host (10.5.126.30, production) calls staging")
                .contains("declared, nothing recorded or seen in the logs yet");
        assertThat(run("traffic", "migrations", "1", "--json").out()).contains("\"state\" : \"declared\"");
        assertThat(run("plan", "assess", "1").out()).contains("Consumer migrations:");
        assertThat(run("traffic", "migrations", "7").err()).contains("no plan 7");
    }

    @Test
    void follow_options_are_checked() {
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--polls", "1", "x.log").err())
                .contains("--interval and --polls go with --follow");
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--follow", "-").err())
                .contains("--follow reads files or folders, not standard input");
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--follow", "--interval", "0",
                "x").err()).contains("--interval must be between 1 and 86400");
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "moon", "--follow", "x").err())
                .contains("unknown environment 'moon'");
    }

    private static final String CALL = "10.5.126.20 - - [02/Jun/2014:10:00:00 +0000] \"GET /pkgdb/packages/name/guake"
            + " HTTP/1.1\" 200 10 \"-\" \"curl/7.29\"\n";

    private String calls() {
        return run("traffic", "consumers", "pkgdb", "--json").out();
    }

    @Test
    void a_log_ingested_twice_is_counted_once_and_the_second_run_says_it_skipped_it() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), CALL + CALL);
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", log.toString()).code()).isZero();

        CliRun again = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", log.toString());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).containsPattern("skipped " + java.util.regex.Pattern.quote(log.toString())
                + ": already read up to byte " + 2 * CALL.length() + " on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"
                + " \\(use --reread to count it again\\)");
        assertThat(again.out()).contains("0 calls counted");
        assertThat(calls()).contains("\"calls\" : 2").doesNotContain("\"calls\" : 4");
    }

    @Test
    void a_copy_of_a_log_read_before_is_recognised_and_reread_counts_it_again() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), CALL + CALL);
        Path copy = Files.copy(log, dir.resolve("copy-of-access.log"));
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", log.toString()).code()).isZero();

        CliRun same = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", copy.toString());
        assertThat(same.err()).contains("skipped " + copy + ": already read up to byte " + 2 * CALL.length())
                .contains(" as " + log + " (use --reread");
        CliRun twice = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--reread", copy.toString(),
                log.toString());
        assertThat(twice.err()).contains("skipped " + log + ": the same log as " + copy + ", given before in this command");

        assertThat(calls()).contains("\"calls\" : 4");
    }

    @Test
    void a_log_that_grew_is_read_from_where_the_last_read_stopped() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), CALL + CALL);
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", log.toString()).code()).isZero();
        Files.writeString(log, CALL + CALL + CALL, java.nio.file.StandardOpenOption.APPEND);

        CliRun grown = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", log.toString());

        assertThat(grown.code()).as(grown.err()).isZero();
        assertThat(grown.err()).contains(log + ": read from byte " + 2 * CALL.length() + ", where the read of ");
        assertThat(grown.out()).contains("(from byte " + 2 * CALL.length() + "): 3 lines, 3 requests")
                .contains("3 calls counted");
        assertThat(calls()).contains("\"calls\" : 5");
    }

    @Test
    void standard_input_is_counted_as_given_and_says_so() {
        java.io.InputStream stdin = System.in;
        CliRun r;
        try {
            System.setIn(new java.io.ByteArrayInputStream(CALL.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            r = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "-");
            System.setIn(new java.io.ByteArrayInputStream(CALL.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "-").code()).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("standard input cannot be recognised if it is given again: counted as given");
        assertThat(calls()).contains("\"calls\" : 2");
        assertThat(run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--follow", "--reread", "x")
                .err()).contains("--reread goes without --follow");
    }
}

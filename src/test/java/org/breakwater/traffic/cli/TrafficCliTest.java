package org.breakwater.traffic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.breakwater.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakwater traffic}: a log read and its callers listed; bad input refused in words. */
class TrafficCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--data-dir=" + dir.resolve("data"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(out.toString() + err).doesNotContain("Exception").doesNotContain("\tat ");
        return new Run(code, out.toString(), err.toString());
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
        Run ingest = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", log.toString());
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
        Run impact = run("traffic", "impact", "1", "--days", "36500");
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
        Run format = run("traffic", "ingest", "--service", "pkgdb", "--env", "production", "--format", "$remote_addr $$x", "-");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format:");
        assertThat(run("traffic", "consumers", "nosuch").err()).contains("unknown service 'nosuch'");
        assertThat(run("traffic", "consumers", "fas").out()).contains("No traffic of fas read yet");
    }
}

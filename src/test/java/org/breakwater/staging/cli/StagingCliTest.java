package org.breakwater.staging.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code breakwater staging parity|coverage} on the demo's store: the demo's logs show Bugzilla's
 * sync script active in production and never in staging, the alias script calling staging from
 * production, and the end-to-end suite (rube) exercising three operations of pkgdb 2.0.0.
 */
class StagingCliTest {
    @TempDir
    static Path dir;

    static String store;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @BeforeAll
    static void demo() {
        CliRun demo = run("demo", "--no-serve", "--dir", dir.toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("pkgdb-sync-bugzilla: 10 calls in production in the last 30 days, none in staging")
                .contains("3 of 12 operations exercised (25%) by userAgent:^rube/");
        store = "--data-dir=" + dir.resolve("store");
    }

    @Test
    void parity_scores_pkgdb_and_names_its_gaps() {
        CliRun r = run("staging", "parity", "--service", "pkgdb", store);
        assertThat(r.code()).as(r.err()).isZero();
        // versions (candidate) passed; the alias script crossing failed; bodhi and the packages app are seen in
        // staging, owner-alias-sync only from its production host, pkgdb-cli and pkgdb-sync-bugzilla not at all
        assertThat(r.out()).containsPattern("pkgdb\\s+42% \\(3/7\\)\\s+2\\.0\\.0\\s+1\\.9\\.2\\s+candidate\\s+4")
                .contains("pkgdb-cli: 30 calls in production in the last 30 days, none in staging")
                .contains("owner-alias-sync: 10 calls in production in the last 30 days, and its 3 staging calls all came"
                        + " from production hosts")
                .contains("production host 10.5.126.30 (owner-alias-sync) calls staging: 3 calls")
                .contains("2 unknown caller(s) in production are not compared");
        CliRun all = run("staging", "parity", store);
        assertThat(all.out()).containsPattern("badges\\s+100% \\(2/2, no logs\\)\\s+0\\.6\\.8\\s+0\\.6\\.8\\s+same\\s+0");
    }

    @Test
    void parity_and_coverage_print_json() {
        CliRun parity = run("staging", "parity", "--service", "pkgdb", "--json", store);
        assertThat(parity.code()).isZero();
        assertThat(parity.out()).startsWith("{").contains("\"score\" : 42").contains("\"versions\" : \"candidate\"")
                .contains("\"consumer\" : \"pkgdb-sync-bugzilla\"");
        assertThat(run("staging", "parity", "--json", store).out()).startsWith("[");
        CliRun coverage = run("staging", "coverage", "--service", "pkgdb", "--identify", "userAgent:^rube/", "--json", store);
        assertThat(coverage.code()).isZero();
        assertThat(coverage.out()).contains("\"operationCount\" : 12").contains("\"exercised\" : 3")
                .contains("\"percent\" : 25");
    }

    @Test
    void coverage_within_a_window_and_by_a_named_consumer() {
        CliRun old = run("staging", "coverage", "--service", "pkgdb", "--since", "2014-06-01", "--until", "2014-06-30", store);
        assertThat(old.out()).contains("0 of 12 operations exercised (0%) by known");
        CliRun bodhi = run("staging", "coverage", "--service", "pkgdb", "--identify", "consumer:bodhi-pkgdb-client", store);
        assertThat(bodhi.out()).containsPattern("GET /package/\\{pkgname}\\s+yes\\s+18\\s+bodhi-pkgdb-client")
                .contains("1 of 12");
    }

    @Test
    void bad_input_is_refused_with_exit_2_and_no_stack_trace() {
        CliRun header = run("staging", "coverage", "--service", "pkgdb", "--identify", "header:k-4711", store);
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).contains("needs the log line").doesNotContain("Exception");
        assertThat(run("staging", "coverage", "--service", "pkgbd", store).err()).contains("pkgbd");
        assertThat(run("staging", "coverage", "--service", "pkgdb", "--since", "2026-12-02", "--until", "2026-12-01", store)
                .err()).contains("is not before");
        assertThat(run("staging", "parity", "--service", "pkgdb", "--days", "0", store).code()).isEqualTo(2);
        CliRun env = run("staging", "parity", "--staging", "stg", store);
        assertThat(env.code()).isEqualTo(2);
        assertThat(env.err()).contains("no environment 'stg'");
        assertThat(run("staging", "parity", "--service", "nosuch", store).code()).isEqualTo(2);
    }
}

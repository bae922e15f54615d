package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Gate;
import org.breakwater.plan.Migration;
import org.breakwater.plan.MigrationState;
import org.breakwater.plan.PlanReport;
import org.breakwater.policy.PolicyReader;
import org.breakwater.traffic.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" on the demo's own logs ({@link DemoTraffic}): the unknown consumer and
 * the script still calling staging are named, every other call is attributed to the right
 * consumer and operation (the exact counts below are worked out by hand from how DemoTraffic
 * writes its lines), and the pkgdb2 plan's consumer gates follow the migration states.
 */
class DemoTrafficTest {
    @TempDir
    static Path dir;

    static App app;

    @BeforeEach
    void demo() {
        if (app != null) {
            return;
        }
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"demo", "--no-serve", "--dir", dir.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("store")), Clock.systemUTC());
    }

    @AfterEach
    void keep() {
        // one demo for the whole class; closed in close()
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    static List<String> rows(List<Usage> usages) {
        return usages.stream().map(u -> u.caller() + " | " + u.operation() + " | " + u.count()).toList();
    }

    @Test
    void every_production_call_is_attributed_to_its_consumer_and_operation() {
        // ten days: bodhi 12 ACL lookups and 2 critical-path reads a day, the packages app 5 package
        // pages, pkgdb-cli 3 (from three addresses), the alias script 1, Bugzilla's sync script 1, the review tool 4; one scanner
        // call on the last day; the garbled line is not a call
        assertThat(rows(app.traffic().usages("pkgdb", Optional.of("production")))).containsExactlyInAnyOrder(
                "bodhi-pkgdb-client | GET /acls/name/{} | 120",
                "bodhi-pkgdb-client | GET /critpath | 20",
                "packages-pkgdb-connector | GET /packages/name/{} | 50",
                "pkgdb-cli | GET /users/packages/{} | 30",
                "owner-alias-sync | GET /notify/all | 10",
                "pkgdb-sync-bugzilla | GET /lists/bugzilla | 10",
                "unknown (fedora-review/0.5.2 from 192.0.2.44) | GET /acls/name/{} | 40",
                "unknown (Mozilla/5.0 from 198.51.100.7) | ? GET /wp-login.php | 1");
    }

    @Test
    void every_staging_call_is_attributed_and_the_production_host_calling_staging_is_flagged() {
        // three days: bodhi's staging instance 6 package reads a day on pkgdb 2; the alias script 1 a
        // day from its production host; the packages app's staging instance one pkgdb 1 path a day
        // (packages[3], [2], [1]), which pkgdb 2 does not serve; the end-to-end suite (rube) 3 reads a day
        assertThat(rows(app.traffic().usages("pkgdb", Optional.of("staging")))).containsExactlyInAnyOrder(
                "bodhi-pkgdb-client | GET /package/{} | 18",
                "owner-alias-sync | GET /notify/all | 3",
                "packages-pkgdb-connector | ? GET /pkgdb/packages/name/firefox | 1",
                "packages-pkgdb-connector | ? GET /pkgdb/packages/name/kernel | 1",
                "packages-pkgdb-connector | ? GET /pkgdb/packages/name/python-requests | 1",
                "unknown (rube/0.3 (selenium; xvfb) from 10.5.128.40) | GET /collections | 3",
                "unknown (rube/0.3 (selenium; xvfb) from 10.5.128.40) | GET /package/{} | 3",
                "unknown (rube/0.3 (selenium; xvfb) from 10.5.128.40) | GET /packager/package/{} | 3");
        assertThat(app.traffic().crossings("pkgdb")).extracting(c -> c.environment() + " <- " + c.origin() + " "
                + c.address() + " " + c.caller() + " " + c.count())
                .containsExactly("staging <- production 10.5.126.30 owner-alias-sync 3");
    }

    @Test
    void the_pkgdb2_plan_names_the_unknown_consumer_and_the_script_and_its_gates_follow() {
        PlanReport r = ((Outcome.Done<PlanReport>) app.plans(PolicyReader.defaults()).report(1)).value();
        Migration unknown = find(r, "unknown (fedora-review/0.5.2 from 192.0.2.44)");
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.stillCalls()).extracting(c -> c.operation() + " " + c.calls())
                .containsExactly("GET /acls/name/{} 40");
        Migration alias = find(r, "owner-alias-sync");
        assertThat(alias.state()).isEqualTo(MigrationState.DECLARED);
        assertThat(alias.warnings()).singleElement().asString()
                .contains("a production host (10.5.126.30, production) calls staging").contains("3 calls");
        Migration bodhi = find(r, "bodhi-pkgdb-client");
        assertThat(bodhi.state()).as("its staging instance calls only pkgdb 2 since 2.0.0 reached staging")
                .isEqualTo(MigrationState.VERIFIED_STAGING);
        Migration packages = find(r, "packages-pkgdb-connector");
        assertThat(packages.state()).as("acknowledged on the plan, but its staging instance is not ported")
                .isEqualTo(MigrationState.ACKNOWLEDGED);
        assertThat(packages.warnings()).singleElement().asString().contains("no longer serves");

        Gate ack = r.gates().stream().filter(g -> g.id().equals("consumers-acknowledged")).findFirst().orElseThrow();
        assertThat(ack.detail()).contains("unknown (fedora-review/0.5.2 from 192.0.2.44) (not in the catalog)")
                .contains("owner-alias-sync").doesNotContain("bodhi-pkgdb-client,").doesNotContain("pkgdb-cli,");
        Gate migrated = r.gates().stream().filter(g -> g.id().equals("consumers-migrated")).findFirst().orElseThrow();
        // the consumers in essential services: bodhi's and koji's clients and dist-git's genacls; only bodhi's is
        // verified (the packages app is a leaf service, so its connector is not in this gate)
        assertThat(migrated.detail()).as("bodhi is verified in staging by the logs")
                .startsWith("3 of 4 not verified in staging: bodhi-koji-client, genacls, koji-owner-sync;");
    }

    static Migration find(PlanReport r, String consumer) {
        return r.migrations().stream().filter(m -> m.consumer().equals(consumer)).findFirst().orElseThrow(() ->
                new AssertionError(consumer + " not among " + r.migrations().stream().map(Migration::consumer).toList()));
    }
}

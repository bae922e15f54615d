package org.breakwater.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.breakwater.apidiff.spec.ArrayNode;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ObjectNode;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan from the command line, as the team and CI would drive it, with the default policy:
 * created, assessed, refused by can-deploy, then let through once every gate has evidence.
 */
abstract class PlanCliContract {
    static final Path CATALOG = Path.of("src/main/resources/demo/catalog");

    @TempDir
    Path dir;

    abstract List<String> store();

    CliRun run(String... args) {
        return run(store(), args);
    }

    /** Runs the command line in this JVM with {@code store}'s options; no stack trace may show. */
    static CliRun run(List<String> store, String... args) {
        return CliRun.run(args, store);
    }

    CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    static String at(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @BeforeEach
    void catalogAndHistory() {
        ok("catalog", "import", CATALOG.toString());
        Instant now = Instant.now();
        ok("record-deployment", "--service", "pkgdb", "--version", "1.9.2", "--env", "production", "--spec",
                CATALOG.resolve("apis/pkgdb/v1/pkgdb.yaml").toString(), "--at", at(now.minus(Duration.ofDays(60))));
        ok("record-deployment", "--service", "pkgdb", "--version", "2.0.0", "--env", "staging", "--spec",
                CATALOG.resolve("apis/pkgdb/v2/openapi.yaml").toString(), "--at", at(now.minus(Duration.ofDays(10))));
    }

    @Test
    void assess_says_what_the_environment_runs_and_what_a_release_already_there_is_judged_against() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(30));
        String production = ((ObjectNode) json(ok("plan", "create", "--release", "pkgdb=2.0.0", "--start", at(start),
                "--duration", "4h", "--owner", "pingou", "--json").out())).text("id").orElseThrow();
        String staging = ((ObjectNode) json(ok("plan", "create", "--release", "pkgdb=2.0.0", "--env", "staging",
                "--start", at(start), "--duration", "4h", "--owner", "pingou", "--json").out())).text("id").orElseThrow();

        assertThat(ok("plan", "assess", production).out()).contains("  production runs 1.9.2 since ");
        assertThat(ok("plan", "assess", staging).out())
                .contains("  staging runs 2.0.0 now (this release); judged against what ran before it: nothing"
                        + " (its first deployment)")
                .doesNotContain("runs nothing yet");
    }

    @Test
    void a_plan_is_refused_until_its_gates_are_met_then_allowed() throws Exception {
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofMinutes(5));
        CliRun created = ok("plan", "create", "--release", "pkgdb=2.0.0", "--start", at(start), "--duration", "4h",
                "--owner", "pingou", "--scheduled", "--force", "--json");
        long id = Long.parseLong(((ObjectNode) json(created.out())).text("id").orElseThrow());

        CliRun assess = ok("plan", "assess", Long.toString(id));
        assertThat(assess.out()).contains("== pkgdb 2.0.0 (essential, owned by infrastructure)")
                .contains("API: 15 breaking").contains("abrt  (OUTSIDE infrastructure)")
                .contains("Policy verdict: applies");

        CliRun no = run("can-deploy", "--plan", Long.toString(id));
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.out()).startsWith("no").contains("api-break-notice failed");
        CliRun noService = run("can-deploy", "--service", "pkgdb", "--version", "2.0.0", "--json");
        assertThat(noService.code()).isEqualTo(1);
        assertThat(((ObjectNode) json(noService.out())).text("deployable")).contains("false");

        String before = at(start.minus(Duration.ofHours(1)));
        String p = Long.toString(id);
        ok("gate", "record", p, "api-break-notice", "--evidence", "https://lists/devel/1", "--at", at(now.minus(Duration.ofDays(20))));
        ok("gate", "record", p, "outage-notice", "--evidence", "https://lists/infra/2", "--at", at(now.minus(Duration.ofDays(10))));
        ok("gate", "record", p, "reminders", "--evidence", "3 days before", "--at", at(start.minus(Duration.ofDays(3))));
        ok("gate", "record", p, "reminders", "--evidence", "1 day before", "--at", at(start.minus(Duration.ofHours(25))));
        ok("gate", "record", p, "meeting", "--evidence", "https://meetbot/minutes", "--at", at(now.minus(Duration.ofDays(6))));
        // one run on each of the 3 UTC days up to the start's own (the gate counts calendar days): at
        // midnight of each, so the start's day is among them at any time of day the test runs
        Instant startDay = start.truncatedTo(ChronoUnit.DAYS);
        for (int day = 0; day < 3; day++) {
            ok("gate", "record", p, "staging-green", "--evidence", "rube run " + day,
                    "--at", at(startDay.minus(Duration.ofDays(day))));
        }
        ok("gate", "record", p, "staging-replay", "--evidence", "replay 1: no difference", "--at",
                at(now.minus(Duration.ofDays(1))));
        ObjectNode report = (ObjectNode) json(ok("plan", "assess", p, "--json").out());
        for (Node team : ((ObjectNode) report.get("consumersByTeam").orElseThrow()).fields().values()) {
            for (Node c : ((ArrayNode) ((ObjectNode) team).get("consumers").orElseThrow()).items()) {
                String name = ((org.breakwater.apidiff.spec.ScalarNode) c).text();
                ok("gate", "record", p, "consumers-acknowledged", "--consumer", name, "--evidence", "ack", "--at", before);
                ok("gate", "record", p, "consumers-migrated", "--consumer", name, "--evidence", "ported", "--at", before);
            }
        }
        for (var e : ((ObjectNode) report.get("consumersByTeam").orElseThrow()).fields().entrySet()) {
            if (((ObjectNode) e.getValue()).text("outside").orElse("false").equals("true")) {
                ok("gate", "record", p, "roster", "--evidence", e.getKey() + "-contact", "--note", "contact:" + e.getKey(),
                        "--at", before);
            }
        }
        ok("gate", "record", p, "roster", "--evidence", "pingou", "--note", "firefighter", "--at", before);
        CliRun stillNo = run("can-deploy", "--plan", p);
        assertThat(stillNo.code()).isEqualTo(1);
        assertThat(stillNo.out()).contains("roster").doesNotContain("api-break-notice");
        ok("gate", "record", p, "roster", "--evidence", "nirik", "--note", "firefighter", "--at", before);

        CliRun yes = run("can-deploy", "--plan", p);
        assertThat(yes.code()).as(yes.out()).isZero();
        assertThat(yes.out()).startsWith("yes");
        assertThat(run("can-deploy", "--service", "pkgdb", "--version", "2.0.0").code()).isZero();
        CliRun shown = ok("plan", "show", p);
        assertThat(shown.out()).contains("Gates: 11 of 11 met or waived");
    }

    @Test
    void propose_feed_and_waiting_for_pending_gates() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        String id = ((ObjectNode) json(ok("plan", "create", "--release", "pkgdb=2.0.0", "--start", at(start),
                "--scheduled", "--json").out())).text("id").orElseThrow();
        ObjectNode proposal = (ObjectNode) json(ok("plan", "propose", id, "--json").out());
        Instant proposed = Instant.parse(proposal.text("start").orElseThrow());
        assertThat(proposed).isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThat(proposal.text("applied")).contains("false");
        assertThat(ok("plan", "propose", id, "--apply").out()).contains("(plan " + id + " moved there)");
        assertThat(((ObjectNode) json(ok("plan", "show", id, "--json").out())).get("plan").map(n -> ((ObjectNode) n)
                .text("start").orElseThrow())).contains(proposed.toString());

        String feed = ok("plan", "feed").out();
        assertThat(feed).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Deployment: pkgdb 2.0.0 (production)")
                .contains("UID:plan-" + id + "@breakwater");

        CliRun waited = run("can-deploy", "--plan", id, "--retry-while-pending", "2", "--poll", "1");
        assertThat(waited.code()).isEqualTo(1);
        assertThat(waited.err()).contains("not yet").contains("asking again in 1 s");
        assertThat(waited.out()).startsWith("no");
    }

    @Test
    void bad_input_is_refused_in_words() {
        assertThat(run("plan", "create", "--release", "pkgdb=2.0.0", "--start", "next tuesday").err())
                .contains("is not a time");
        assertThat(run("plan", "show", "42").err()).contains("no plan 42");
        CliRun gate = run("gate", "record", "1", "api-break-notice", "--evidence", "x");
        assertThat(gate.code()).isEqualTo(2);
        assertThat(run("can-deploy", "--service", "nosuch", "--version", "1").err()).contains("unknown service 'nosuch'");
        CliRun policy = run("plan", "list", "--policy", dir.resolve("missing.yaml").toString());
        assertThat(policy.code()).isEqualTo(2);
        assertThat(policy.err()).contains("the policy does not read");
    }

    static Node json(String text) throws Exception {
        return new TreeReader(ReadLimits.defaults()).parse(text, "output.json");
    }
}

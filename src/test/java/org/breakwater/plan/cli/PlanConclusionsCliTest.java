package org.breakwater.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.CliRun;
import org.breakwater.cli.Main;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets on the demo's first day, from the command line: evidence a gate cannot
 * use, a release whose API was never compared, a window that has passed, and a release two
 * plans ship. Each answer must be true, not just confident.
 */
class PlanConclusionsCliTest {
    @TempDir
    static Path dir;

    static Path store;

    static CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir", store.toString()));
    }

    @BeforeAll
    static void demo() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
        store = dir.resolve("demo/store");
    }

    /** A plan of the leaf service nuancier (exempt: only the freeze gate, met), made at {@code madeAt}. */
    static long nuancierPlan(String version, Instant madeAt, Instant start, Duration length) {
        try (App app = App.open(new App.Settings(Optional.empty(), store), Clock.fixed(madeAt, ZoneOffset.UTC))) {
            return ((Outcome.Done<Plan>) app.plans(PolicyReader.defaults()).create(new NewPlan("nuancier " + version,
                    Map.of("nuancier", version), Map.of(), "production", start, length, "pingou", Optional.empty(),
                    PlanStatus.SCHEDULED))).value().id();
        }
    }

    @Test
    void evidence_the_gate_cannot_use_is_refused_with_a_did_you_mean_and_counts_nothing() {
        assertThat(run("plan", "show", "1").out()).contains("23 of 26 not acknowledged");
        CliRun typo = run("gate", "record", "1", "consumers-acknowledged", "--consumer", "bodhi-pkgdb-clent",
                "--evidence", "https://lists.example/ack");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.out()).doesNotContain("Recorded");
        assertThat(typo.err()).contains("'bodhi-pkgdb-clent' is not among the 25 consumers plan 1 affects")
                .contains("did you mean 'bodhi-pkgdb-client'?");
        CliRun nobody = run("gate", "record", "1", "consumers-acknowledged", "--evidence", "https://lists.example/ack");
        assertThat(nobody.code()).isEqualTo(2);
        assertThat(nobody.err()).contains("counts evidence per consumer: name the consumer it is for, one of the 25 plan 1 affects");
        CliRun firefighter = run("gate", "record", "1", "roster", "--note", "firefigther", "--evidence", "pingou");
        assertThat(firefighter.code()).isEqualTo(2);
        assertThat(firefighter.err()).contains("'firefigther' counts for nothing on the roster; did you mean 'firefighter'?");
        CliRun contact = run("gate", "record", "1", "roster", "--note", "contact:qaa", "--evidence", "adamw");
        assertThat(contact.code()).isEqualTo(2);
        assertThat(contact.err()).contains("did you mean 'contact:qa'?");
        assertThat(run("gate", "record", "1", "consumers-acknowleged", "--consumer", "fedpkg", "--evidence", "x").err())
                .contains("unknown gate 'consumers-acknowleged'; did you mean 'consumers-acknowledged'?");
        // the demo's roster is confirmed by everyone on it (docs/deployment-day.md): the gate is met without hand records
        assertThat(run("plan", "show", "1").out()).contains("23 of 26 not acknowledged")
                .contains("[x] roster").doesNotContain("more firefighter(s)");

        assertThat(run("gate", "record", "1", "consumers-acknowledged", "--consumer", "fedpkg", "--evidence",
                "https://lists.example/ack").code()).isZero();
        assertThat(run("gate", "record", "1", "roster", "--note", "contact:qa", "--evidence", "adamw").code()).isZero();
        assertThat(run("plan", "show", "1").out()).contains("22 of 26 not acknowledged")
                .doesNotContain("a contact from qa");
    }

    @Test
    void a_release_whose_api_was_not_compared_is_unknown_not_unbroken() {
        CliRun show = run("plan", "show", "3");
        assertThat(show.out()).contains("breaks    unknown: the API of fedocal 1.0.0 was not compared")
                .doesNotContain("0 breaking change(s)");
        CliRun assess = run("plan", "assess", "3");
        assertThat(assess.out()).contains("API: not compared")
                .contains("version: 0.5.1 → 1.0.0 is a major step; whether the API breaks is unknown")
                .doesNotContain("does not break");
        String json = run("plan", "assess", "3", "--json").out();
        assertThat(json).containsPattern("\"compared\" : false,\\s*\"breaks\" : null,\\s*\"releases\"")
                .containsPattern("\"comparison\" : \"no-description\",[^}]*\"compared\" : false,\\s*\"breaks\" : null")
                .contains("\"breaking\" : [ ]");
        assertThat(run("plan", "show", "1", "--json").out()).containsPattern("\"compared\" : true,\\s*\"breaks\" : true");
    }

    @Test
    void a_plan_whose_window_has_passed_is_a_no_that_says_so_and_does_not_wait() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long passed = nuancierPlan("0.5.1", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        long open = nuancierPlan("0.5.2", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)),
                Duration.ofHours(3));
        assertThat(run("can-deploy", "--plan", Long.toString(open)).code()).isZero();

        CliRun no = run("can-deploy", "--plan", Long.toString(passed), "--retry-while-pending", "5", "--poll", "1");
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.err()).doesNotContain("not yet");
        assertThat(no.out()).startsWith("no").contains("the window closed at " + day(now.minus(Duration.ofHours(1))))
                .contains("reschedule (breakwater plan propose " + passed + " --apply");
        CliRun byRelease = run("can-deploy", "--service", "nuancier", "--version", "0.5.1");
        assertThat(byRelease.code()).isEqualTo(1);
        assertThat(byRelease.out()).contains("the window closed at");
    }

    @Test
    void a_release_two_open_plans_ship_is_refused_naming_both() {
        Instant later = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        CliRun made = run("plan", "create", "--release", "pkgdb=2.0.0", "--start", later.toString(), "--duration", "2h",
                "--owner", "pingou", "--json");
        assertThat(made.code()).as(made.err()).isZero();
        String second = made.out().replaceAll("(?s).*?\"id\" : (\\d+).*", "$1");
        CliRun asked = run("can-deploy", "--service", "pkgdb", "--version", "2.0.0");
        assertThat(asked.code()).isEqualTo(2);
        assertThat(asked.out()).isEmpty();
        assertThat(asked.err()).contains("2 open plans ship pkgdb 2.0.0 to production: plan 1 (scheduled, ")
                .contains("plan " + second + " (draft, ").contains("ask about one (can-deploy --plan N)");
        assertThat(run("can-deploy", "--plan", "1").out()).startsWith("no");
    }

    /** A time as gates and can-deploy write it. */
    static String day(Instant t) {
        return t.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }
}

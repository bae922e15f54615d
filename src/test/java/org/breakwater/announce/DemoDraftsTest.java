package org.breakwater.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.Main;
import org.breakwater.plan.PlanReport;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notices for the demo's pkgdb2 roll-out (pkgdb 2.0.0 with the account system 0.8.19),
 * read as a consumer would: what breaks, for whom, when, and where to ask.
 */
class DemoDraftsTest {
    @TempDir
    static Path dir;

    static App app;
    static PlanReport pkgdb2;
    static Drafter drafter;

    @BeforeAll
    static void demo() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("demo/store")), Clock.systemUTC());
        pkgdb2 = ((Outcome.Done<PlanReport>) app.plans(PolicyReader.defaults()).report(1)).value();
        drafter = new Drafter(app.catalog().export(), PolicyReader.defaults(), Templates.defaults());
    }

    @AfterAll
    static void close() {
        app.close();
    }

    static Draft one(Kind kind) {
        List<Draft> d = drafter.drafts(pkgdb2, kind, Optional.of("Use /api/package/ instead of /packages/; see the"
                + " pkgdb2 porting guide."), Optional.of(Duration.ofDays(3)));
        assertThat(d).hasSize(1);
        dump(d.get(0));
        return d.get(0);
    }

    static void dump(Draft d) {
        try {
            Path out = Path.of(System.getProperty("bw.buildDir", "target"), "demo-announcements");
            Files.createDirectories(out);
            Files.writeString(out.resolve(d.kind().id() + d.consumer().map(c -> "-" + c).orElse("") + ".txt"),
                    "To: " + String.join(", ", d.to()) + "\nSubject: " + d.subject() + "\n\n" + d.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_outage_notice_has_the_shape_infrastructure_teams_use() {
        Draft d = one(Kind.OUTAGE_NOTICE);
        assertThat(d.subject()).matches("Planned Outage: fas, pkgdb - \\d{4}-\\d\\d-\\d\\d 15:00 UTC");
        assertThat(d.to()).containsExactly("infrastructure@lists.fedoraproject.org", "devel@lists.fedoraproject.org");
        assertThat(d.body()).contains("which will last approximately 4 hours")
                .containsPattern("date -d '\\d{4}-\\d\\d-\\d\\d 15:00 UTC'")
                .contains("- pkgdb (Package database) goes from 1.9.2 to 2.0.0.")
                .contains("This update BREAKS THE API of fas, pkgdb")
                .contains("Affected Services:").contains("Unaffected Services:").contains("koji")
                .contains("https://fedorahosted.org/fedora-infrastructure/ticket/4242")
                .doesNotContain("{{");
    }

    @Test
    void the_api_break_notice_lists_each_break_and_every_team_it_hits() {
        Draft d = one(Kind.API_BREAK_NOTICE);
        assertThat(d.subject()).matches("API-breaking update of fas, pkgdb planned for \\d{4}-\\d\\d-\\d\\d");
        assertThat(d.body()).contains("pkgdb 1.9.2 -> 2.0.0:").contains("GET /packages/name/{package}")
                .contains("abrt (outside infrastructure): faf-pkgdb-importer")
                .contains("Use /api/package/ instead of /packages/")
                .contains("staging runs fas 0.8.19, pkgdb 2.0.0 now")
                .contains("  * unknown (fedora-review/0.5.2 from 192.0.2.44) - not in our catalog: 40 calls to"
                        + " GET /acls/name/{}");
        assertThat(d.to()).contains("infrastructure@lists.fedoraproject.org", "devel@lists.fedoraproject.org");
    }

    @Test
    void the_call_for_testing_says_at_its_top_that_the_api_breaks() {
        Draft d = one(Kind.CALL_FOR_TESTING);
        assertThat(d.subject()).endsWith("(API-BREAKING)");
        assertThat(d.body().lines().findFirst().orElse("")).startsWith("THIS UPDATE BREAKS THE API of fas, pkgdb");
    }

    @Test
    void every_other_kind_renders_without_leftover_tags() {
        for (Kind k : new Kind[] {Kind.REMINDER, Kind.STARTED, Kind.DONE, Kind.ROLLED_BACK}) {
            Draft d = one(k);
            assertThat(d.subject()).as(k.id()).isNotBlank().doesNotContain("{{");
            assertThat(d.body()).as(k.id()).doesNotContain("{{").contains("fas, pkgdb");
        }
        assertThat(one(Kind.REMINDER).body()).contains("starts in 3 days");
    }

    @Test
    void each_affected_consumer_gets_a_mail_naming_only_the_operations_it_uses() {
        List<Draft> notes = drafter.drafts(pkgdb2, Kind.CONSUMER_NOTICE, Optional.empty(), Optional.empty());
        notes.forEach(DemoDraftsTest::dump);
        assertThat(notes).hasSize(pkgdb2.assessment().consumersByTeam().values().stream().mapToInt(List::size).sum());
        Draft faf = notes.stream().filter(n -> n.consumer().orElseThrow().equals("faf-pkgdb-importer")).findFirst()
                .orElseThrow();
        assertThat(faf.subject()).startsWith("faf-pkgdb-importer will break on").endsWith(": pkgdb changes its API");
        assertThat(faf.to()).containsExactly("mtoman@fedoraproject.org");
        assertThat(faf.body()).contains("Hello abrt team,").contains("pkgdb GET /collections")
                .doesNotContain("/json/bugzilla_email");
    }

    @Test
    void a_release_whose_api_was_not_compared_is_announced_as_unknown_not_as_unbroken() {
        PlanReport fedocal = ((Outcome.Done<PlanReport>) app.plans(PolicyReader.defaults()).report(3)).value();
        Draft call = drafter.drafts(fedocal, Kind.CALL_FOR_TESTING, Optional.empty(), Optional.empty()).get(0);
        assertThat(call.subject()).endsWith("(API BREAKS UNKNOWN)");
        assertThat(call.body().lines().findFirst().orElse(""))
                .isEqualTo("WHETHER THIS UPDATE BREAKS THE API of fedocal IS UNKNOWN: it was not compared.");
        assertThat(call.body()).doesNotContain("does not break");
        Draft notice = drafter.drafts(fedocal, Kind.API_BREAK_NOTICE, Optional.empty(), Optional.empty()).get(0);
        assertThat(notice.subject()).matches("Possibly API-breaking update of fedocal planned for \\d{4}-\\d\\d-\\d\\d");
        assertThat(notice.body()).contains("Whether it breaks the API of fedocal is UNKNOWN")
                .contains("  * fedocal 1.0.0: fedocal 1.0.0 has no API description")
                .doesNotContain("BREAKS THE API").doesNotContain("What breaks, operation by operation")
                .doesNotContain("does not break").doesNotContain("{{");
    }
}

package org.breakwater.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breakwater.catalog.Outcome;
import org.junit.jupiter.api.Test;

/** Coverage of what staging runs, from staging's logs read into a real store. */
abstract class CoverageContract extends StagingTrafficContract {
    static final String RUBE = "unknown (rube/0.3 (selenium) from 10.5.128.40)";

    Coverage coverage(String rule, Coverage.Window... windows) {
        return done(app.coverage().coverage("pkgdb", "staging", List.of(windows), rule(rule)));
    }

    Coverage.Window hoursAgo(int from, int to) {
        return new Coverage.Window(ago(from), ago(to));
    }

    static List<String> exercised(Coverage c) {
        return c.operations().stream().filter(Coverage.Operation::exercised)
                .map(o -> o.operation() + " " + o.calls() + " " + o.callers()).toList();
    }

    @Test
    void the_share_counts_the_operations_of_what_staging_runs_that_the_rules_callers_called() {
        staging();
        Coverage c = coverage("userAgent:^rube/", app.coverage().lastDays(30));
        assertThat(c.version()).contains("2.0.0");
        assertThat(c.operations()).as("pkgdb 2.0.0 has twelve operations").hasSize(12);
        assertThat(exercised(c)).containsExactly("GET /collections 1 [" + RUBE + "]",
                "GET /package/{pkgname} 1 [" + RUBE + "]");
        assertThat(c.percent()).isEqualTo(16);
        assertThat(c.elsewhere()).extracting(Coverage.Operation::operation)
                .containsExactly("? GET /pkgdb/api/no/such/thing");
        assertThat(exercised(coverage("address:10.5.128.40/32", app.coverage().lastDays(30))))
                .as("the same caller by its address").hasSize(2);
    }

    @Test
    void a_consumer_rule_takes_only_that_consumers_calls_and_known_takes_every_named_caller() {
        staging();
        assertThat(exercised(coverage("consumer:bodhi-pkgdb-client", app.coverage().lastDays(30))))
                .containsExactly("GET /package/{pkgname} 1 [bodhi-pkgdb-client]");
        assertThat(exercised(coverage("known", app.coverage().lastDays(30)))).containsExactly(
                "GET /package/{pkgname} 1 [bodhi-pkgdb-client]", "GET /notify/all 1 [owner-alias-sync]");
    }

    @Test
    void only_calls_whose_span_meets_a_window_count_and_several_windows_add_up() {
        staging();
        assertThat(exercised(coverage("userAgent:^rube/", hoursAgo(12, 0)))).as("rube ran 23-24 hours ago").isEmpty();
        assertThat(exercised(coverage("known", hoursAgo(48, 36), hoursAgo(26, 20))))
                .as("bodhi 30 h ago and the alias script 29 h ago are in neither window").isEmpty();
        assertThat(exercised(coverage("known", hoursAgo(48, 36), new Coverage.Window(ago(31), ago(29).minusSeconds(1800)))))
                .as("bodhi 30 h ago only").containsExactly(
                "GET /package/{pkgname} 1 [bodhi-pkgdb-client]");
    }

    @Test
    void the_plans_changed_operations_that_no_test_exercised_are_listed_with_their_changes() {
        staging();
        var plan = plan();
        List<Coverage.Untested> byNamed = app.coverage().untested(plan, "staging", List.of(app.coverage().lastDays(30)),
                rule("known"));
        assertThat(byNamed).extracting(Coverage.Untested::operation).contains("GET /collections",
                "GET /acls/name/{package}").doesNotContain("GET /notify/all");
        assertThat(byNamed).filteredOn(u -> u.operation().equals("GET /acls/name/{package}")).singleElement()
                .satisfies(u -> assertThat(u.changes()).containsExactly("GET /acls/name/{package} removed without deprecation"));
        assertThat(app.coverage().untested(plan, "staging", List.of(app.coverage().lastDays(30)), rule("userAgent:^rube/")))
                .extracting(Coverage.Untested::operation).as("rube read the collections, which 2.0.0 changes")
                .doesNotContain("GET /collections").contains("GET /acls/name/{package}");
    }

    @Test
    void nothing_deployed_or_an_unknown_service_or_no_window() {
        Coverage none = done(app.coverage().coverage("fas", "staging", List.of(app.coverage().lastDays(3)), rule("known")));
        assertThat(none.version()).isEmpty();
        assertThat(none.operations()).isEmpty();
        assertThat(none.percent()).isZero();
        assertThat(app.coverage().coverage("pkgbd", "staging", List.of(app.coverage().lastDays(3)), rule("known")))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<Coverage>) app.coverage().coverage("pkgdb", "staging", List.of(), rule("known")))
                .reason()).contains("time windows");
        assertThat(app.coverage().coverage("pkgdb", "stg", List.of(app.coverage().lastDays(3)), rule("known")))
                .isInstanceOf(Outcome.Refused.class);
    }

    /** Registers suite {@code name} covering pkgdb with {@code identify}, and one finished run per {@code [from, to]} hours ago. */
    void suiteRan(String name, String identify, int[]... hoursAgo) {
        StagingSuite s = new StagingSuite(name, List.of("pkgdb"), "true", "", java.util.Map.of(), "r.xml",
                java.time.Duration.ofMinutes(5), StagingSuite.Display.NONE, "staging", StagingSuite.DAILY,
                java.time.ZoneOffset.UTC, "cli", identify);
        assertThat(app.suites(SecretBox.NONE).add(s)).isInstanceOf(Outcome.Done.class);
        var repo = new org.breakwater.staging.store.JdbiSuiteRepository(app.database().jdbi());
        for (int[] span : hoursAgo) {
            long id = repo.begin(name, "schedule", ago(span[0]), java.util.Map.of("pkgdb", "2.0.0"));
            repo.finish(new SuiteRun(id, name, RunStatus.PASSED, "schedule", ago(span[0]),
                    java.util.Optional.of(ago(span[1])), java.util.Optional.of(0), java.util.Map.of(), "", "", 1, 0, 0),
                    List.of());
        }
    }

    @Test
    void a_suites_coverage_is_its_identify_rules_calls_within_its_runs_windows() {
        staging();
        suiteRan("rube", "userAgent:^rube/", new int[] {25, 23});
        Coverage c = done(app.suiteCoverage().suite("rube", "pkgdb", "staging", 30));
        assertThat(c.callers().rule()).isEqualTo("userAgent:^rube/");
        assertThat(c.windows()).hasSize(1);
        assertThat(exercised(c)).containsExactly("GET /collections 1 [" + RUBE + "]",
                "GET /package/{pkgname} 1 [" + RUBE + "]");

        suiteRan("late", "userAgent:^rube/", new int[] {12, 11});
        assertThat(exercised(done(app.suiteCoverage().suite("late", "pkgdb", "staging", 30))))
                .as("its only run was long after rube's calls").isEmpty();
        suiteRan("silent", "", new int[] {25, 23});
        assertThat(((Outcome.Refused<Coverage>) app.suiteCoverage().suite("silent", "pkgdb", "staging", 30)).reason())
                .contains("no identify rule");
        suiteRan("never", "userAgent:^rube/");
        assertThat(((Outcome.Refused<Coverage>) app.suiteCoverage().suite("never", "pkgdb", "staging", 30)).reason())
                .contains("no finished run");
    }

    @Test
    void the_plans_untested_operations_follow_the_suites_covering_the_service_and_their_runs() {
        staging();
        var plan = plan();
        assertThat(app.suiteCoverage().untested(plan, "staging", 30)).extracting(Coverage.Untested::operation)
                .as("no suite covers pkgdb: every changed operation is untested, named callers or not")
                .contains("GET /collections", "GET /package/{pkgname}");
        suiteRan("late", "userAgent:^rube/", new int[] {12, 11});
        assertThat(app.suiteCoverage().untested(plan, "staging", 30)).extracting(Coverage.Untested::operation)
                .contains("GET /collections");
        suiteRan("rube", "userAgent:^rube/", new int[] {48, 47}, new int[] {25, 23});
        assertThat(app.suiteCoverage().sources("pkgdb", 30)).extracting(Coverage.Source::name)
                .containsExactly("late", "rube");
        assertThat(app.suiteCoverage().untested(plan, "staging", 30)).extracting(Coverage.Untested::operation)
                .as("rube's run a day ago read the collections").doesNotContain("GET /collections")
                .contains("GET /acls/name/{package}");
    }

    @Test
    void a_suites_identify_rule_is_stored_and_a_bad_one_is_refused_with_nothing_stored() {
        suiteRan("rube", "userAgent:^rube/");
        assertThat(app.suites(SecretBox.NONE).suite("rube").orElseThrow().identify()).isEqualTo("userAgent:^rube/");
        StagingSuite bad = app.suites(SecretBox.NONE).suite("rube").orElseThrow();
        bad = new StagingSuite("bad", bad.services(), bad.command(), bad.workdir(), bad.env(), bad.results(),
                bad.timeout(), bad.display(), bad.environment(), bad.cron(), bad.zone(), "cli", "userAgent:([");
        assertThat(((Outcome.Refused<StagingSuite>) app.suites(SecretBox.NONE).add(bad)).reason())
                .contains("not a regular expression");
        assertThat(app.suites(SecretBox.NONE).suite("bad")).isEmpty();
    }
}

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
}

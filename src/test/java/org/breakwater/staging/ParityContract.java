package org.breakwater.staging;

import static org.assertj.core.api.Assertions.assertThat;

import org.breakwater.catalog.Outcome;
import org.junit.jupiter.api.Test;

/** Parity of pkgdb's staging against its production, from logs read into a real store. */
abstract class ParityContract extends StagingTrafficContract {
    @Test
    void a_consumer_active_in_production_that_staging_never_sees_is_a_gap_and_lowers_the_score() {
        production();
        staging();
        Parity p = done(app.parity().parity("pkgdb", pair(), 30));
        assertThat(p.versions()).as("2.0.0 reached staging after 1.9.2 reached production").isEqualTo(Parity.Versions.CANDIDATE);
        assertThat(p.staging().orElseThrow().version()).isEqualTo("2.0.0");
        assertThat(p.production().orElseThrow().version()).isEqualTo("1.9.2");
        assertThat(p.staging().orElseThrow().apiHash()).isNotEqualTo(p.production().orElseThrow().apiHash());
        assertThat(p.consumers()).extracting(c -> c.consumer() + " " + c.productionCalls() + "/" + c.stagingCalls() + "/"
                + c.stagingFromProductionHosts() + " " + c.inStaging()).containsExactly(
                "owner-alias-sync 1/1/1 false", "pkgdb-cli 1/0/0 false", "bodhi-pkgdb-client 2/1/0 true");
        assertThat(p.productionHostsCallingStaging()).singleElement()
                .satisfies(x -> assertThat(x.address() + " " + x.caller()).isEqualTo("10.5.126.30 owner-alias-sync"));
        assertThat(p.unknownProductionCallers()).as("the review tool: not compared, counted").isEqualTo(1);
        // checks: versions (passed), no production host calling staging (failed), three consumers (bodhi passed)
        assertThat(p.checks()).isEqualTo(5);
        assertThat(p.passed()).isEqualTo(2);
        assertThat(p.score()).isEqualTo(40);
        assertThat(p.gaps()).containsExactly(
                "owner-alias-sync: 1 calls in production in the last 30 days, and its 1 staging calls all came from"
                        + " production hosts",
                "pkgdb-cli: 1 calls in production in the last 30 days, none in staging (never deployed to staging?)",
                "production host 10.5.126.30 (owner-alias-sync) calls staging: 1 calls, last "
                        + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                                .withZone(java.time.ZoneOffset.UTC).format(p.productionHostsCallingStaging().get(0).lastSeen()));
    }

    @Test
    void traffic_last_seen_before_the_window_is_not_compared() {
        production();
        staging();
        Parity p = done(app.parity().parity("pkgdb", pair(), 1));
        assertThat(p.consumers()).as("production calls are two days old").isEmpty();
        assertThat(p.productionHostsCallingStaging()).as("the crossing was 29 hours ago").isEmpty();
        assertThat(p.productionTrafficRead()).isFalse();
        assertThat(p.score()).isEqualTo(100);
    }

    @Test
    void with_no_traffic_read_only_versions_and_crossings_are_checked() {
        Parity p = done(app.parity().parity("pkgdb", pair(), 30));
        assertThat(p.checks()).isEqualTo(2);
        assertThat(p.productionTrafficRead()).isFalse();
        assertThat(app.parity().all(pair(), 30)).extracting(Parity::service).containsExactly("pkgdb");
    }

    @Test
    void an_unknown_service_or_a_window_out_of_range_is_refused() {
        assertThat(app.parity().parity("pkgbd", pair(), 30)).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<Parity>) app.parity().parity("pkgdb", pair(), 0)).reason())
                .contains("days must be between 1 and 3660");
        assertThat(((Outcome.Refused<StagingPair>) app.parity().environments(java.util.Optional.of("stg"),
                java.util.Optional.empty())).reason()).contains("no environment 'stg'").contains("staging, production");
    }
}

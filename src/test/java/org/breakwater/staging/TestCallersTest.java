package org.breakwater.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.Placement;
import org.breakwater.traffic.Usage;
import org.junit.jupiter.api.Test;

/** Identify rules applied to stored callers, the rules that cannot be, and how staging and production compare. */
class TestCallersTest {
    static TestCallers rule(String text) {
        return ((Outcome.Done<TestCallers>) TestCallers.parse(text)).value();
    }

    static String refused(String text) {
        return ((Outcome.Refused<TestCallers>) TestCallers.parse(text)).reason();
    }

    static Usage usage(String caller, boolean known) {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        return new Usage("pkgdb", "staging", caller, known, "GET /packages/{}", 1, t, t);
    }

    @Test
    void rules_on_unknown_callers_read_the_user_agent_and_address_they_are_stored_with() {
        Usage rube = usage("unknown (rube/0.3 (selenium from the lab) from 10.5.128.40)", false);
        assertThat(rule("userAgent:^rube/").matches(rube)).isTrue();
        assertThat(rule("userAgent:lab\\)$").matches(rube)).as("' from ' inside the user agent").isTrue();
        assertThat(rule("address:10.5.128.0/24").matches(rube)).isTrue();
        assertThat(rule("address:10.5.126.0/24").matches(rube)).isFalse();
        assertThat(rule("host:^rube").matches(usage("unknown (curl/8 from rube01.stg.example.org)", false))).isTrue();
        assertThat(rule("known").matches(rube)).isFalse();
        assertThat(rule("userAgent:^rube/").matches(usage("unknown (others)", false))).isFalse();
    }

    @Test
    void a_named_caller_is_matched_by_its_name_only() {
        Usage bodhi = usage("bodhi-pkgdb-client", true);
        assertThat(rule("consumer:bodhi-pkgdb-client").matches(bodhi)).isTrue();
        assertThat(rule("known").matches(bodhi)).isTrue();
        assertThat(rule("consumer:bodhi").matches(bodhi)).isFalse();
        assertThat(rule("userAgent:bodhi").matches(bodhi)).as("its user agent is not stored").isFalse();
        assertThat(rule("consumer:x").matches(usage("unknown (x from 10.0.0.1)", false))).isFalse();
    }

    @Test
    void rules_that_need_the_log_line_or_are_malformed_are_refused_with_the_reason() {
        assertThat(refused("user:bodhi")).contains("needs the log line").contains("consumer:NAME");
        assertThat(refused("header:k-4711")).contains("needs the log line");
        assertThat(refused("userAgent:(")).contains("not a regular expression");
        assertThat(refused("address:10.5.300.0/24")).contains("not an address or a CIDR block");
        assertThat(refused("agent:rube")).contains("unknown kind 'agent'");
        assertThat(refused("rube")).contains("expected KIND:VALUE");
        assertThat(refused("consumer:")).contains("expected KIND:VALUE");
        assertThat(refused(null)).contains("expected KIND:VALUE");
    }

    static Optional<Placement> runs(String version, String hash, String since) {
        return Optional.of(new Placement("pkgdb", "x", version, Optional.ofNullable(hash), Instant.parse(since), "pingou"));
    }

    @Test
    void staging_behind_production_or_with_another_description_of_the_same_version_fails_and_a_candidate_passes() {
        var older = runs("1.9.1", "sha256:a", "2026-11-01T00:00:00Z");
        var newer = runs("1.9.2", "sha256:b", "2026-11-20T00:00:00Z");
        assertThat(ParityService.versions(older, newer)).isEqualTo(Parity.Versions.BEHIND);
        assertThat(ParityService.versions(newer, older)).isEqualTo(Parity.Versions.CANDIDATE);
        assertThat(ParityService.versions(newer, runs("1.9.2", "sha256:c", "2026-11-21T00:00:00Z")))
                .isEqualTo(Parity.Versions.DRIFT);
        assertThat(ParityService.versions(newer, runs("1.9.2", null, "2026-11-21T00:00:00Z")))
                .isEqualTo(Parity.Versions.SAME);
        assertThat(ParityService.versions(Optional.empty(), newer)).isEqualTo(Parity.Versions.NOT_IN_STAGING);
        assertThat(ParityService.versions(newer, Optional.empty())).isEqualTo(Parity.Versions.NOT_IN_PRODUCTION);
        assertThat(ParityService.versions(Optional.empty(), Optional.empty())).isEqualTo(Parity.Versions.NOWHERE);
        assertThat(Parity.Versions.BEHIND.passes()).isFalse();
        assertThat(Parity.Versions.CANDIDATE.passes()).isTrue();
    }
}

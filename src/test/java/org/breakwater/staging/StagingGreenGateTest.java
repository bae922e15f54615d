package org.breakwater.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breakwater.catalog.Outcome;
import org.breakwater.plan.Gate;
import org.breakwater.plan.GateState;
import org.breakwater.plan.NewPlan;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanReport;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.breakwater.staging.store.JdbiSuiteRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** staging-green computed from suite runs: green on each of the policy's days on the candidate version. */
class StagingGreenGateTest {
    static final Instant DAY1 = Instant.parse("2026-12-01T06:00:00Z");

    @TempDir
    Path dir;

    StagingFixture fx;
    JdbiSuiteRepository repo;
    PlanService plans;
    long plan;

    @BeforeEach
    void setUp() {
        fx = new StagingFixture(dir, DAY1.minus(Duration.ofDays(2)));
        repo = new JdbiSuiteRepository(fx.database().jdbi());
        fx.deploy("pkgdb", "1.9.0", "production");
        fx.deploy("pkgdb", "2.0.0", "staging");
        fx.app.suites(SecretBox.NONE).add(StagingFixture.suite("pkgdb-e2e", "true", dir, Duration.ofMinutes(5)));
        plans = fx.app.plans(PolicyReader.defaults());
        Outcome<Plan> p = plans.create(new NewPlan("pkgdb2", Map.of("pkgdb", "2.0.0"), Map.of(), "production",
                DAY1.plus(Duration.ofDays(10)), Duration.ofHours(2), "pingou", Optional.empty(), PlanStatus.values()[0]),
                true);
        assertThat(p).as(p.toString()).isInstanceOf(Outcome.Done.class);
        plan = ((Outcome.Done<Plan>) p).value().id();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    void runOn(int day, String version, RunStatus status) {
        Instant at = DAY1.plus(Duration.ofDays(day));
        long id = repo.begin("pkgdb-e2e", "schedule", at, Map.of("pkgdb", version));
        repo.finish(new SuiteRun(id, "pkgdb-e2e", status, "schedule", at, Optional.of(at.plusSeconds(60)), Optional.of(0),
                Map.of("pkgdb", version), "", "", 3, status == RunStatus.PASSED ? 0 : 1, 0), List.of());
    }

    Gate gate(int day) {
        fx.clock.set(DAY1.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)));
        PlanReport r = ((Outcome.Done<PlanReport>) plans.report(plan)).value();
        return r.gates().stream().filter(g -> g.id().equals("staging-green")).findFirst().orElseThrow();
    }

    @Test
    void green_runs_on_the_candidate_on_each_of_the_last_three_days_meet_the_gate_without_a_hand_record() {
        runOn(0, "2.0.0", RunStatus.PASSED);
        runOn(1, "2.0.0", RunStatus.PASSED);
        assertThat(gate(1).state()).isEqualTo(GateState.PENDING);
        assertThat(gate(1).detail()).contains("green on 2 of the last 3 days");
        runOn(2, "2.0.0", RunStatus.PASSED);
        Gate met = gate(2);
        assertThat(met.state()).isEqualTo(GateState.MET);
        assertThat(met.evidence()).extracting(e -> e.by()).containsOnly(SuiteResults.BY);
        assertThat(met.evidence().get(0).evidence()).startsWith("suite pkgdb-e2e green on pkgdb 2.0.0 (run #");
    }

    @Test
    void runs_on_another_version_a_red_newest_run_or_an_interrupted_run_do_not_count() {
        runOn(0, "1.9.0", RunStatus.PASSED);
        runOn(1, "2.0.0", RunStatus.PASSED);
        runOn(1, "2.0.0", RunStatus.FAILED);
        runOn(2, "2.0.0", RunStatus.INTERRUPTED);
        assertThat(gate(2).state()).isEqualTo(GateState.PENDING);
        assertThat(gate(2).detail()).contains("green on 0 of the last 3 days");
    }

    @Test
    void a_day_recorded_by_hand_still_counts_beside_the_runs() {
        runOn(1, "2.0.0", RunStatus.PASSED);
        runOn(2, "2.0.0", RunStatus.PASSED);
        fx.clock.set(DAY1.plus(Duration.ofDays(2)));
        assertThat(plans.record(plan, "staging-green", "rube run: 212 passed", "threebean",
                Optional.of(DAY1.plusSeconds(60)), Optional.empty(), Optional.empty())).isInstanceOf(Outcome.Done.class);
        assertThat(gate(2).state()).isEqualTo(GateState.MET);
    }
}

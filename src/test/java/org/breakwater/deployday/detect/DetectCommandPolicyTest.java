package org.breakwater.deployday.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.cli.CliRun;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code incident detect} judges by the policy file's {@code detection} section, its options
 * override single values, and a policy with a wrong threshold stops it with the place of the value
 * (on the pkgdb2 day of {@link DetectorContract}, SQLite).
 */
class DetectCommandPolicyTest {
    @TempDir
    Path dir;

    Plan plan;

    @BeforeEach
    void logs() throws Exception {
        try (App app = App.open(new App.Settings(Optional.empty(), dir), Clock.fixed(DetectorContract.CUT.plus(
                Duration.ofHours(1)), ZoneOffset.UTC))) {
            org.breakwater.traffic.PkgdbCutOver.record(app, DetectorContract.CUT);
            plan = new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb2", List.of(
                    new PlannedRelease("pkgdb", "2.0.0", Optional.empty())), "production",
                    DetectorContract.CUT.minusSeconds(420), Duration.ofHours(4), "pingou", Optional.empty(),
                    PlanStatus.IN_PROGRESS, DetectorContract.CUT.minus(Duration.ofDays(20))));
            DetectorContract.ingest(app, DetectorContract.day());
        }
    }

    Path policy(String from, String to) throws Exception {
        String text = Files.readString(Path.of("src/main/resources/policy/default-policy.yaml"));
        assertThat(text).contains(from);
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    CliRun run(String... args) {
        return CliRun.run(args, List.of("--data-dir=" + dir));
    }

    @Test
    void the_policy_files_thresholds_decide_and_an_option_overrides_one_of_them() throws Exception {
        Path strict = policy("  minCalls: 5 ", "  minCalls: 1000 ");
        CliRun none = run("incident", "detect", "--plan", "" + plan.id(), "--policy", strict.toString());
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).as("no consumer made a thousand calls").contains("No new breakage.");
        CliRun some = run("incident", "detect", "--plan", "" + plan.id(), "--policy", strict.toString(),
                "--min-calls", "5");
        assertThat(some.code()).as(some.err()).isZero();
        assertThat(some.out()).contains("Opened 4 incident(s)").contains("bodhi-pkgdb-client");
    }

    @Test
    void a_wrong_threshold_in_the_policy_is_reported_at_its_place_and_nothing_is_judged() throws Exception {
        Path bad = policy("  errorRatio: 0.5 ", "  errorRatio: 2   ");
        int line = Files.readAllLines(bad).indexOf(Files.readAllLines(bad).stream()
                .filter(l -> l.startsWith("  errorRatio:")).findFirst().orElseThrow()) + 1;
        CliRun r = run("incident", "detect", "--plan", "" + plan.id(), "--policy", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":" + line + ":15: detection.errorRatio must be a share above 0 and at most 1");
        assertThat(run("incident", "list").out()).contains("No incidents.");
    }

    @Test
    void the_detector_run_after_each_follow_and_in_serve_judges_by_the_policy_it_is_given() throws Exception {
        try (App app = App.open(new App.Settings(Optional.empty(), dir), Clock.fixed(DetectorContract.CUT.plus(
                Duration.ofHours(1)), ZoneOffset.UTC))) {
            org.breakwater.policy.Policy strict = org.breakwater.policy.PolicyReader.read(policy("  minCalls: 5 ",
                    "  minCalls: 1000 "));
            assertThat(app.detectBreakage(strict)).isEmpty();
            assertThat(app.detectBreakage(org.breakwater.policy.PolicyReader.defaults())).hasSize(4)
                    .allSatisfy(l -> assertThat(l).startsWith("incident "));
        }
    }
}

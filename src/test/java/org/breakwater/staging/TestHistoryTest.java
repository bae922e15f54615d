package org.breakwater.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.breakwater.staging.SuiteHealth.State.ABSENT;
import static org.breakwater.staging.SuiteHealth.State.GREEN;
import static org.breakwater.staging.SuiteHealth.State.RED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Streaks, flip rates, durations and suite health, against numbers worked out by hand. */
class TestHistoryTest {
    private static final TestId CART = TestId.of("com.acme.CartTest", "addsItem");

    /** A run from cells "suite/class/name/S/ms" where S is P(assed), F(ailed), E(rror), S(kipped) or R (passed on rerun). */
    static TestRun run(String id, String... cells) {
        List<TestCaseResult> cases = new ArrayList<>();
        for (String cell : cells) {
            String[] f = cell.split("/");
            TestStatus status = switch (f[3]) {
                case "P", "R" -> TestStatus.PASSED;
                case "F" -> TestStatus.FAILED;
                case "E" -> TestStatus.ERROR;
                default -> TestStatus.SKIPPED;
            };
            cases.add(new TestCaseResult(f[0], f[1], f[2], status, Duration.ofMillis(Long.parseLong(f[4])), "", "", "",
                    f[3].equals("R") ? 1 : 0));
        }
        return new TestRun(id, new TestReport(List.of(), cases));
    }

    static String cart(String status, int ms) {
        return "cart/com.acme.CartTest/addsItem/" + status + "/" + ms;
    }

    @Test
    void pass_fail_pass_pass_fail_pass_has_a_streak_of_one_and_flips_four_times_in_five_pairs() {
        String[] statuses = {"P", "F", "P", "P", "F", "P"};
        int[] millis = {100, 300, 120, 110, 500, 130};
        List<TestRun> runs = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) runs.add(run("r" + (i + 1), cart(statuses[i], millis[i])));

        TestStats s = TestHistory.of(runs).tests(new FlakeRule(20, 0.2)).get(CART);

        assertThat(s.passStreak()).isEqualTo(1);
        assertThat(s.lastFailure()).contains("r5");
        assertThat(s.verdicts()).isEqualTo(6);
        assertThat(s.flips()).isEqualTo(4);
        assertThat(s.flipRate()).isEqualTo(0.8); // 4 / (6 - 1)
        assertThat(s.flaky()).isTrue();
        // sorted: 100 110 120 130 300 500; median rank ceil(0.5*6)=3 -> 120; p95 rank ceil(5.7)=6 -> 500
        assertThat(s.median()).contains(Duration.ofMillis(120));
        assertThat(s.p95()).contains(Duration.ofMillis(500));
    }

    @Test
    void the_window_keeps_only_the_last_verdicts() {
        List<TestRun> runs = new ArrayList<>();
        String[] statuses = {"P", "F", "P", "P", "F", "P"};
        for (int i = 0; i < statuses.length; i++) runs.add(run("r" + (i + 1), cart(statuses[i], 100 * (i + 1))));

        TestStats s = TestHistory.of(runs).tests(new FlakeRule(4, 0.7)).get(CART);

        // window: P P F P (r3..r6): flips 2 of 3 pairs = 0.667, not above 0.7
        assertThat(s.verdicts()).isEqualTo(4);
        assertThat(s.flips()).isEqualTo(2);
        assertThat(s.flipRate()).isEqualTo(2.0 / 3);
        assertThat(s.flaky()).isFalse();
        // durations 300 400 500 600: median rank 2 -> 400, p95 rank ceil(3.8)=4 -> 600
        assertThat(s.median()).contains(Duration.ofMillis(400));
        assertThat(s.p95()).contains(Duration.ofMillis(600));
        assertThat(s.lastFailure()).as("over the whole history, not the window").contains("r5");
    }

    @Test
    void skips_and_absences_neither_break_nor_extend_a_streak_nor_count_as_flips() {
        List<TestRun> runs = List.of(run("r1", cart("F", 10)), run("r2", cart("P", 10)), run("r3", cart("S", 0)),
                run("r4"), run("r5", cart("P", 30)), run("r6", cart("S", 0)));

        TestStats s = TestHistory.of(runs).tests(FlakeRule.defaults()).get(CART);

        assertThat(s.passStreak()).isEqualTo(2);
        assertThat(s.verdicts()).isEqualTo(3);
        assertThat(s.flips()).isEqualTo(1); // F P P
        assertThat(s.flipRate()).isEqualTo(0.5);
        assertThat(s.median()).as("skipped durations are not counted").contains(Duration.ofMillis(10));
    }

    @Test
    void a_test_that_is_always_red_is_broken_not_flaky() {
        List<TestRun> runs = List.of(run("r1", cart("F", 1)), run("r2", cart("E", 1)), run("r3", cart("F", 1)));

        TestStats s = TestHistory.of(runs).tests(FlakeRule.defaults()).get(CART);

        assertThat(s.passStreak()).isZero();
        assertThat(s.lastFailure()).contains("r3");
        assertThat(s.flips()).isZero();
        assertThat(s.flaky()).isFalse();
    }

    @Test
    void a_test_never_failed_has_no_last_failure_and_a_test_only_skipped_has_no_durations() {
        String skippedOnly = "cart/com.acme.CartTest/voucher/S/0";
        Map<TestId, TestStats> all = TestHistory.of(List.of(run("r1", cart("P", 5), skippedOnly),
                run("r2", cart("R", 7), skippedOnly))).tests(FlakeRule.defaults());

        assertThat(all.get(CART).lastFailure()).isEmpty();
        assertThat(all.get(CART).passStreak()).isEqualTo(2);
        assertThat(all.get(CART).passedOnRerun()).isEqualTo(1);
        TestStats voucher = all.get(TestId.of("com.acme.CartTest", "voucher"));
        assertThat(voucher.verdicts()).isZero();
        assertThat(voucher.median()).isEqualTo(Optional.empty());
        assertThat(voucher.flipRate()).isZero();
    }

    @Test
    void one_test_twice_in_a_run_counts_its_worst_status_and_both_durations() {
        TestRun run = run("r1", "cart.spec.ts/cart.spec.ts/adds/P/100", "cart.spec.ts/cart.spec.ts/adds/F/300");

        TestStats s = TestHistory.of(List.of(run)).tests(FlakeRule.defaults()).get(TestId.of("cart.spec.ts", "adds"));

        assertThat(s.passStreak()).isZero();
        assertThat(s.lastFailure()).contains("r1");
        assertThat(s.median()).contains(Duration.ofMillis(100));
        assertThat(s.p95()).contains(Duration.ofMillis(300));
    }

    @Test
    void a_suite_is_green_in_a_run_when_nothing_in_it_failed_or_errored() {
        List<TestRun> runs = List.of(
                run("r1", "cart/C/a/P/1", "cart/C/b/S/0", "login/L/a/P/1"),
                run("r2", "cart/C/a/P/1", "cart/C/b/F/1", "login/L/a/E/1"),
                run("r3", "cart/C/a/P/1"));

        List<SuiteHealth> suites = TestHistory.of(runs).suites();

        assertThat(suites).containsExactly(new SuiteHealth("cart", List.of(GREEN, RED, GREEN)),
                new SuiteHealth("login", List.of(GREEN, RED, ABSENT)));
        assertThat(suites.get(0).greenNow()).isTrue();
        assertThat(suites.get(1).greenNow()).as("red in the newest run it was part of").isFalse();
    }

    @Test
    void test_ids_ignore_surrounding_and_repeated_white_space() {
        assertThat(TestId.of("  com.acme.CartTest\n", "adds\n   an\titem ").value()).isEqualTo("com.acme.CartTest#adds an item");
        assertThat(TestId.of("a", "e\u0301")).isEqualTo(TestId.of("a", "\u00e9"));
    }

    @Test
    void a_flake_rule_needs_a_window_of_two_and_a_threshold_below_one() {
        assertThatThrownBy(() -> new FlakeRule(1, 0.2)).hasMessageContaining("window must be >= 2");
        assertThatThrownBy(() -> new FlakeRule(10, 1.0)).hasMessageContaining("threshold");
    }
}

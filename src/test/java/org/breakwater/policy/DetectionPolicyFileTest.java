package org.breakwater.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakwater.policy.PolicyReaderTest.MINIMAL;
import static org.breakwater.policy.PolicyReaderTest.problems;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The breakage detector's thresholds in the policy file ({@code detection}): read, defaulted when
 * not written, and every wrong value reported at its file:line:column. {@link PolicyReaderTest#MINIMAL}
 * has 31 lines, so the section starts on line 32.
 */
class DetectionPolicyFileTest {
    static String with(String... lines) {
        return MINIMAL + "detection:\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void the_thresholds_and_the_settling_period_are_read_from_the_policy() throws Exception {
        Policy p = PolicyReader.parse(with("  minCalls: 20", "  errorRatio: 0.25", "  rise: 0", "  baseline: 2h",
                "  settling: 45m", "  silence: 1d"), "policy.yaml");
        assertThat(p.detection()).isEqualTo(new Policy.DetectionRule(20, 0.25, 0.0, Duration.ofHours(2),
                Duration.ofMinutes(45), Duration.ofDays(1)));
    }

    @Test
    void a_policy_without_the_section_or_a_key_reads_with_the_documented_defaults() throws Exception {
        assertThat(PolicyReader.parse(MINIMAL, "policy.yaml").detection()).isEqualTo(Policy.DetectionRule.DEFAULTS);
        assertThat(PolicyReader.parse(with("  minCalls: 9"), "policy.yaml").detection())
                .isEqualTo(new Policy.DetectionRule(9, 0.5, 0.3, Duration.ofHours(6), Duration.ofHours(2),
                        Duration.ofMinutes(30)));
    }

    @Test
    void the_bundled_policy_writes_out_the_defaults() {
        assertThat(PolicyReader.defaults().detection()).isEqualTo(Policy.DetectionRule.DEFAULTS);
    }

    @Test
    void each_wrong_value_is_reported_where_it_is_written() {
        assertThat(problems(with("  minCalls: 0", "  errorRatio: 1.5", "  rise: -0.1", "  settling: 0m",
                "  silence: 45d", "  baseline: soon", "  minimum: 3"))).containsExactly(
                "policy.yaml:33:13: detection.minCalls must be 1 or more, not 0",
                "policy.yaml:34:15: detection.errorRatio must be a share above 0 and at most 1 (0.5 is half), not 1.5",
                "policy.yaml:35:9: detection.rise must be a share from 0 to 1 (0.5 is half), not -0.1",
                "policy.yaml:36:13: detection.settling must be 1m to 30d, not 0m",
                "policy.yaml:37:12: detection.silence must be 1m to 30d, not 45d",
                "policy.yaml:38:13: detection.baseline: 'soon' is not a duration; write a whole number and a unit m,"
                        + " h, d or w: 30m, 4h, 14d, 2w",
                "policy.yaml:39:3: unknown key 'minimum' in detection (known: minCalls, errorRatio, rise, baseline,"
                        + " settling, silence)");
    }

    @Test
    void a_ratio_written_as_text_or_a_count_too_large_is_refused() {
        assertThat(problems(with("  errorRatio: half", "  minCalls: 2000000"))).containsExactly(
                "policy.yaml:33:15: detection.errorRatio must be a share above 0 and at most 1 (0.5 is half), not a string (half)",
                "policy.yaml:34:13: detection.minCalls must be at most 1000000, not 2000000");
    }
}

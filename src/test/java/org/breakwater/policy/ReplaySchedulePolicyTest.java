package org.breakwater.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code staging.replaySchedule}: when serve replays open plans, switched off with {@code off}, checked at its place. */
class ReplaySchedulePolicyTest {
    static String staging(String... lines) {
        return PolicyReaderTest.minimalWith("  soak: 30m", "  soak: 30m\n" + String.join("\n", lines));
    }

    static Optional<String> schedule(String text) throws PolicyException {
        return PolicyReader.parse(text, "policy.yaml").staging().replaySchedule();
    }

    @Test
    void with_replay_on_the_schedule_is_daily_at_six_utc_unless_written_and_off_switches_it_off() throws Exception {
        assertThat(schedule(staging("  replay: true"))).contains("0 6 * * *");
        assertThat(schedule(staging("  replay: true", "  replaySchedule: \"30 5 * * 1-5\""))).contains("30 5 * * 1-5");
        assertThat(schedule(staging("  replay: true", "  replaySchedule: \"off\""))).isEmpty();
        assertThat(schedule(PolicyReaderTest.MINIMAL)).as("no replay gate, no replay schedule").isEmpty();
        assertThat(PolicyReader.defaults().staging().replaySchedule()).contains("0 6 * * *");
    }

    @Test
    void a_schedule_that_is_not_cron_or_without_the_replay_gate_is_refused_at_its_line_and_column() {
        assertThat(PolicyReaderTest.problems(staging("  replay: true", "  replaySchedule: \"6am daily\"")))
                .singleElement().asString().startsWith("policy.yaml:21:19: staging.replaySchedule: '6am daily' is not"
                        + " a cron expression");
        assertThat(PolicyReaderTest.problems(staging("  replaySchedule: \"0 6 * * *\"")))
                .containsExactly("policy.yaml:20:19: staging.replaySchedule needs staging.replay: true (or write off)");
        assertThat(PolicyReaderTest.problems(staging("  replay: true", "  replaySchedule: 6")))
                .singleElement().asString().contains("staging.replaySchedule must be a cron expression");
    }
}

package org.breakwater.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.breakwater.plan.Migration;
import org.breakwater.plan.MigrationState;
import org.junit.jupiter.api.Test;

/** The plan page shows the first 50 of thousands of migrations without sorting them all. */
class MigrationOutputTest {
    @Test
    void the_first_n_are_the_head_of_the_whole_order_in_the_same_order() {
        Random random = new Random(19);
        List<Migration> all = new ArrayList<>();
        MigrationState[] states = MigrationState.values();
        for (int i = 0; i < 3_000; i++) {
            all.add(new Migration("consumer-" + random.nextInt(1_000_000) + "-" + i, random.nextInt(10) > 0, Optional.empty(),
                    true, false, states[random.nextInt(states.length)], "why", List.of(),
                    random.nextInt(20) == 0 ? List.of("a warning") : List.of()));
        }
        assertThat(MigrationOutput.first(all, 50)).containsExactlyElementsOf(MigrationOutput.order(all).subList(0, 50));
        assertThat(MigrationOutput.first(all.subList(0, 10), 50)).containsExactlyElementsOf(
                MigrationOutput.order(all.subList(0, 10)));
    }
}

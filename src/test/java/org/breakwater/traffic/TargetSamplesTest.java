package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetSamplesTest {
    final Instant at = Instant.parse("2014-06-16T10:00:00Z");

    @Test
    void tokens_and_configured_query_parameters_are_dropped_before_a_target_is_kept() {
        TargetSamples s = new TargetSamples("pkgdb", "production", Set.of("Session_Id"));
        assertThat(s.clean("/acls/name/guake?branch=devel&token=abc&session_id=9&format=json"))
                .isEqualTo("/acls/name/guake?branch=devel&format=json");
        assertThat(s.clean("/acls?api_key=1")).isEqualTo("/acls");
        assertThat(s.clean("/acls/name/guake")).isEqualTo("/acls/name/guake");
    }

    @Test
    void a_reservoir_keeps_at_most_its_bound_and_counts_every_call_and_unmatched_calls_are_not_sampled() {
        TargetSamples s = new TargetSamples("pkgdb", "production", Set.of());
        TargetSamples.Local local = s.local();
        for (int i = 0; i < 10_000; i++) {
            int slot = local.offer(1, "bodhi", true, 7, "GET /acls/name/{}", at.plusSeconds(i));
            if (slot >= 0) {
                local.keep(slot, "/acls/name/pkg" + i);
            }
        }
        assertThat(local.offer(1, "bodhi", true, 8, "? GET /nothing", at)).isEqualTo(-1);
        List<Sample> samples = s.samples();
        assertThat(samples).singleElement().satisfies(x -> {
            assertThat(x.targets()).hasSize(TargetSamples.PER_KEY);
            assertThat(x.seen()).isEqualTo(10_000);
            assertThat(x.lastSeen()).isEqualTo(at.plusSeconds(9_999));
            // algorithm R keeps later calls too, not only the first ones
            assertThat(x.targets()).anyMatch(t -> Integer.parseInt(t.substring("/acls/name/pkg".length())) >= 1000);
        });
    }

    @Test
    void two_threads_reservoirs_of_one_key_merge_into_one_bounded_reservoir() {
        TargetSamples s = new TargetSamples("pkgdb", "production", Set.of());
        for (int thread = 0; thread < 2; thread++) {
            TargetSamples.Local local = s.local();
            for (int i = 0; i < 50; i++) {
                int slot = local.offer(1, "bodhi", true, 7, "GET /acls/name/{}", at);
                if (slot >= 0) {
                    local.keep(slot, "/t" + thread + "/" + i);
                }
            }
        }
        assertThat(s.samples()).singleElement().satisfies(x -> {
            assertThat(x.seen()).isEqualTo(100);
            assertThat(x.targets()).hasSize(TargetSamples.PER_KEY).doesNotHaveDuplicates();
        });
    }
}

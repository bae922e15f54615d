package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TallyTest {
    static CallerIdentifier.Caller known(String name) {
        return new CallerIdentifier.Caller(Optional.of(name), "10.0.0.1");
    }

    @Test
    void calls_are_counted_per_caller_and_operation_with_first_and_last_seen() {
        Tally t = new Tally("pkgdb", "production");
        Instant a = Instant.parse("2014-06-02T10:00:00Z");
        t.add(known("genacls"), "GET /packages/{}", a.plusSeconds(60));
        t.add(known("genacls"), "GET /packages/{}", a);
        t.add(known("genacls"), "GET /critpath", a);
        t.add(new CallerIdentifier.Caller(Optional.empty(), "curl/7 from 192.0.2.1"), Usage.unmatched("GET", "/x"), a);
        assertThat(t.usages()).extracting(u -> u.caller() + " " + u.operation() + " " + u.count()).containsExactly(
                "genacls GET /critpath 1", "genacls GET /packages/{} 2", "unknown (curl/7 from 192.0.2.1) ? GET /x 1");
        assertThat(t.usages().get(1).firstSeen()).isEqualTo(a);
        assertThat(t.usages().get(1).lastSeen()).isEqualTo(a.plusSeconds(60));
    }

    @Test
    void memory_stays_bounded_with_endless_unknown_callers_and_paths() {
        Tally t = new Tally("pkgdb", "production");
        Instant a = Instant.parse("2014-06-02T10:00:00Z");
        for (int i = 0; i < Tally.UNKNOWN_CALLERS + 500; i++) {
            t.add(new CallerIdentifier.Caller(Optional.empty(), "bot-" + i), Usage.unmatched("GET", "/scan/" + i), a);
        }
        assertThat(t.usages().stream().map(Usage::caller).distinct().count()).isEqualTo(Tally.UNKNOWN_CALLERS + 1);
        assertThat(t.usages().stream().map(Usage::operation).distinct().count()).isEqualTo(Tally.UNMATCHED_PATHS + 1);
        assertThat(t.usages().stream().mapToLong(Usage::count).sum()).isEqualTo(Tally.UNKNOWN_CALLERS + 500);
        assertThat(t.usages()).anySatisfy(u -> assertThat(u.caller()).isEqualTo(Tally.OTHER_CALLERS));
        assertThat(t.usages()).anySatisfy(u -> assertThat(u.operation()).isEqualTo(Tally.OTHER_PATHS));
    }
}

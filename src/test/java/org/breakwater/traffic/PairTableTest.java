package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairTableTest {
    /** 2^n different strings with one and the same {@link String#hashCode()} ("Aa" and "BB" hash alike). */
    static List<String> sameHash(String prefix, int n) {
        List<String> out = new ArrayList<>(List.of(prefix));
        for (int i = 0; i < n; i++) {
            List<String> next = new ArrayList<>();
            for (String s : out) {
                next.add(s + "Aa");
                next.add(s + "BB");
            }
            out = next;
        }
        return out;
    }

    @Test
    void callers_and_operations_whose_names_hash_alike_are_still_counted_apart() {
        List<String> callers = sameHash("unknown (curl from 192.0.2.1) ", 8);
        List<String> operations = sameHash("GET /things/", 3);
        assertThat(callers.stream().map(String::hashCode).distinct()).hasSize(1);
        Tally t = new Tally("shop", "production");
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        for (int round = 0; round < 3; round++) {
            for (String c : callers) {
                for (String o : operations) {
                    t.add(new CallerIdentifier.Caller(Optional.empty(), c.substring("unknown (".length(), c.length() - 1)),
                            o, at.plusSeconds(round), 200);
                }
            }
        }
        List<Usage> usages = t.usages();
        assertThat(usages).hasSize(callers.size() * operations.size());
        assertThat(usages).allSatisfy(u -> {
            assertThat(u.count()).isEqualTo(3);
            assertThat(u.firstSeen()).isEqualTo(at);
            assertThat(u.lastSeen()).isEqualTo(at.plusSeconds(2));
        });
        assertThat(t.statuses()).hasSize(callers.size() * operations.size())
                .allSatisfy(s -> assertThat(s.ok()).isEqualTo(3));
    }

    @Test
    void pairs_given_one_and_the_same_hash_each_keep_their_own_counts() {
        PairTable table = new PairTable();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5000; i++) {
                table.slot("caller-" + (i % 50), i % 3 == 0, "GET /op/" + (i / 50), 42).count++;
            }
        }
        assertThat(table.size()).isEqualTo(5000);
        for (Tally.Counts c : table) {
            assertThat(c.count).isEqualTo(2);
        }
        Tally.Counts first = table.iterator().next();
        assertThat(first.caller + " " + first.known + " " + first.operation).isEqualTo("caller-0 true GET /op/0");
    }

    @Test
    void the_same_names_known_and_unknown_are_two_pairs() {
        PairTable table = new PairTable();
        table.slot("x", true, "GET /a").count++;
        table.slot("x", false, "GET /a").count++;
        table.slot("x", true, "GET /a").count++;
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.slot("x", true, "GET /a").count).isEqualTo(2);
    }
}

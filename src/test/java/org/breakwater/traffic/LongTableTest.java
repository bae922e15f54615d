package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongTableTest {
    @Test
    void pairs_of_small_ids_whose_halves_xor_alike_are_each_found_with_their_own_value() {
        LongTable<String> table = new LongTable<>();
        for (int caller = 0; caller < 300; caller++) {
            for (int operation = 0; operation < 100; operation++) {
                table.put(((long) caller << 32) | operation, caller + "/" + operation);
            }
        }
        assertThat(table.size()).isEqualTo(30_000);
        for (int caller = 0; caller < 300; caller++) {
            for (int operation = 0; operation < 100; operation++) {
                assertThat(table.get(((long) caller << 32) | operation)).isEqualTo(caller + "/" + operation);
            }
        }
        assertThat(table.get(300L << 32)).isNull();
    }

    @Test
    void a_cleared_table_knows_no_key_and_takes_new_ones() {
        LongTable<String> table = new LongTable<>();
        table.put(7, "a");
        table.clear();
        assertThat(table.get(7)).isNull();
        assertThat(table.size()).isZero();
        table.put(7, "b");
        assertThat(table.get(7)).isEqualTo("b");
    }
}

package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A chunk's counts recycled for the next chunk (decision 0030) add up exactly as new ones do. */
class ChunkCountsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");

    /** {@code n} calls by a few hundred pairs over two hours, with statuses of every class. */
    private static List<long[]> calls(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new long[] {r.nextInt(40), r.nextInt(15), r.nextLong(7_200_000_000_000L), 200 + 100L * r.nextInt(4)});
        }
        return out;
    }

    private static void feed(ChunkCounts counts, List<long[]> calls) {
        for (long[] c : calls) {
            counts.add((int) c[0], "caller-" + c[0], c[0] % 2 == 0, (int) c[1], "GET /op/" + c[1],
                    T0.plusNanos(c[2]), (int) c[3]);
        }
    }

    private static Tally tally(boolean recycled) {
        Tally tally = new Tally("pkgdb", "production");
        TallySlots slots = new TallySlots(tally);
        ChunkCounts.Pool pool = new ChunkCounts.Pool();
        ChunkCounts counts = new ChunkCounts(8);
        for (int chunk = 0; chunk < 5; chunk++) {
            feed(counts, calls(chunk, 2_000 + 500 * chunk));
            counts.addTo(slots);
            if (recycled) {
                pool.recycle(counts);
                counts = pool.take(8);
            } else {
                counts = new ChunkCounts(8);
            }
        }
        return tally;
    }

    @Test
    void recycled_counts_make_the_same_usages_and_status_rows_as_new_ones() {
        Tally fresh = tally(false);
        Tally recycled = tally(true);
        assertThat(recycled.usages()).isEqualTo(fresh.usages()).hasSize(40 * 15);
        assertThat(new ArrayList<>(recycled.statuses())).isEqualTo(new ArrayList<>(fresh.statuses()));
        assertThat(recycled.statuses().stream().mapToLong(StatusCount::calls).sum()).isEqualTo(5 * 2_000 + 500 * 10);
    }

    @Test
    void the_pool_hands_back_what_was_recycled_emptied() {
        ChunkCounts.Pool pool = new ChunkCounts.Pool();
        ChunkCounts used = new ChunkCounts(8);
        feed(used, calls(1, 100));
        assertThat(used.size()).isPositive();
        pool.recycle(used);
        ChunkCounts again = pool.take(8);
        assertThat(again).isSameAs(used);
        assertThat(again.size()).isZero();
        assertThat(pool.take(8)).as("the pool is empty again").isNotSameAs(used);
    }
}

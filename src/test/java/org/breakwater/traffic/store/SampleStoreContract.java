package org.breakwater.traffic.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.breakwater.store.Database;
import org.breakwater.traffic.Sample;
import org.breakwater.traffic.TargetSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target samples (replay) merged ingest after ingest, bounded and pruned, on SQLite and on PostgreSQL. */
abstract class SampleStoreContract {
    @TempDir
    Path dir;

    Database db;
    JdbiSampleRepository samples;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        samples = new JdbiSampleRepository(db.jdbi());
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    static Sample sample(String caller, int from, int count, long seen, String at) {
        List<String> targets = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            targets.add("/acls/name/pkg" + i);
        }
        return new Sample("pkgdb", "production", caller, true, "GET /acls/name/{}", targets, seen, Instant.parse(at));
    }

    @Test
    void a_reservoir_merged_with_the_stored_one_stays_bounded_and_counts_every_call() {
        samples.merge(List.of(sample("bodhi", 0, 20, 500, "2014-06-01T10:00:00Z")));
        samples.merge(List.of(sample("bodhi", 100, 20, 1500, "2014-06-02T10:00:00Z"),
                sample("packages", 0, 3, 3, "2014-06-02T11:00:00Z")));
        List<Sample> stored = samples.samples("pkgdb", "production");
        assertThat(stored).extracting(Sample::caller).containsExactly("bodhi", "packages");
        Sample bodhi = stored.get(0);
        assertThat(bodhi.targets()).hasSize(TargetSamples.PER_KEY).doesNotHaveDuplicates()
                .allMatch(t -> t.startsWith("/acls/name/pkg"));
        assertThat(bodhi.seen()).isEqualTo(2000);
        assertThat(bodhi.lastSeen()).isEqualTo(Instant.parse("2014-06-02T10:00:00Z"));
        assertThat(stored.get(1).targets()).containsExactly("/acls/name/pkg0", "/acls/name/pkg1", "/acls/name/pkg2");
        assertThat(samples.samples("pkgdb", "staging")).isEmpty();
    }

    @Test
    void retention_forgets_samples_whose_newest_call_is_older() {
        samples.merge(List.of(sample("bodhi", 0, 2, 2, "2014-06-01T10:00:00Z"),
                sample("packages", 0, 3, 3, "2014-06-05T11:00:00Z")));
        assertThat(samples.prune(Instant.parse("2014-06-03T00:00:00Z"))).as("bodhi's reservoir, of two targets").isEqualTo(1);
        assertThat(samples.samples("pkgdb", "production")).extracting(Sample::caller).containsExactly("packages");
    }

    @Test
    void a_target_too_long_or_holding_a_line_feed_is_not_kept_and_the_others_are_in_their_order() {
        List<String> targets = List.of("/acls/name/b", "/acls/name/" + "x".repeat(4001), "/acls/name/a\nb", "/acls/name/a");
        samples.merge(List.of(new Sample("pkgdb", "production", "bodhi", true, "GET /acls/name/{}", targets, 4,
                Instant.parse("2014-06-01T10:00:00Z"))));
        assertThat(samples.samples("pkgdb", "production")).singleElement().satisfies(s -> {
            assertThat(s.targets()).containsExactly("/acls/name/b", "/acls/name/a");
            assertThat(s.seen()).isEqualTo(4);
        });
    }
}

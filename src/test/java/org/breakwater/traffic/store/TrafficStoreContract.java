package org.breakwater.traffic.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.store.Database;
import org.breakwater.traffic.Crossings;
import org.breakwater.traffic.Follower;
import org.breakwater.traffic.LogRead;
import org.breakwater.traffic.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traffic counts merged file after file, on SQLite and on PostgreSQL. */
abstract class TrafficStoreContract {
    @TempDir
    Path dir;

    Database db;
    JdbiTrafficRepository traffic;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        traffic = new JdbiTrafficRepository(db.jdbi());
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    static Instant t(String s) {
        return Instant.parse("2014-06-" + s + "Z");
    }

    @Test
    void counts_add_up_and_first_and_last_seen_widen_across_files() {
        traffic.merge(List.of(
                new Usage("pkgdb", "production", "bodhi-pkgdb-client", true, "GET /packages/{}", 10, t("02T10:00:00"), t("02T12:00:00")),
                new Usage("pkgdb", "production", "unknown (curl/7 from 192.0.2.5)", false, "? GET /nothing", 2,
                        t("02T11:00:00"), t("02T11:05:00"))));
        traffic.merge(List.of(
                new Usage("pkgdb", "production", "bodhi-pkgdb-client", true, "GET /packages/{}", 5, t("01T09:00:00"), t("02T11:00:00")),
                new Usage("pkgdb", "production", "bodhi-pkgdb-client", true, "GET /packages/{}", 1, t("02T10:30:00"), t("03T08:00:00")),
                new Usage("pkgdb", "staging", "bodhi-pkgdb-client", true, "GET /package/{}", 7, t("04T10:00:00"), t("04T10:00:00"))));
        List<Usage> production = traffic.usages("pkgdb", Optional.of("production"));
        assertThat(production).hasSize(2);
        Usage bodhi = production.get(0);
        assertThat(bodhi.count()).isEqualTo(16);
        assertThat(bodhi.firstSeen()).isEqualTo(t("01T09:00:00"));
        assertThat(bodhi.lastSeen()).isEqualTo(t("03T08:00:00"));
        assertThat(production.get(1)).satisfies(u -> {
            assertThat(u.known()).isFalse();
            assertThat(u.matched()).isFalse();
        });
        assertThat(traffic.usages("pkgdb", Optional.empty())).hasSize(3);
        assertThat(traffic.usages("fas", Optional.empty())).isEmpty();
    }

    @Test
    void crossings_add_up_and_cursors_move_and_are_forgotten_in_the_same_transaction() {
        Crossings.Crossing c = new Crossings.Crossing("pkgdb", "staging", "production", "10.5.126.30", "owner-alias-sync",
                true, 2, t("02T10:00:00"), t("02T11:00:00"));
        Follower.Cursor a = new Follower.Cursor("pkgdb", "staging", "(dev=1,ino=2)", "/var/log/a", 100, t("02T11:00:00"));
        Follower.Cursor b = new Follower.Cursor("pkgdb", "staging", "(dev=1,ino=3)", "/var/log/b", 50, t("02T11:00:00"));
        traffic.merge(List.of(), List.of(c), List.of(a, b), List.of());
        traffic.merge(List.of(), List.of(new Crossings.Crossing("pkgdb", "staging", "production", "10.5.126.30",
                "owner-alias-sync", true, 3, t("01T10:00:00"), t("02T10:30:00"))),
                List.of(new Follower.Cursor("pkgdb", "staging", "(dev=1,ino=2)", "/var/log/a.1", 250, t("02T12:00:00"))),
                List.of(b));
        assertThat(traffic.crossings("pkgdb")).singleElement().satisfies(x -> {
            assertThat(x.count()).isEqualTo(5);
            assertThat(x.firstSeen()).isEqualTo(t("01T10:00:00"));
            assertThat(x.lastSeen()).isEqualTo(t("02T11:00:00"));
        });
        assertThat(traffic.cursors("pkgdb", "staging")).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("/var/log/a.1");
            assertThat(x.position()).isEqualTo(250);
        });
        assertThat(traffic.cursors("pkgdb", "production")).isEmpty();
        assertThat(traffic.crossings("fas")).isEmpty();
        assertThat(traffic.prune(t("02T10:45:00"))).as("the crossing was last seen at 11:00").isZero();
        traffic.merge(List.of(new Usage("pkgdb", "staging", "x", true, "GET /a", 1, t("01T01:00:00"), t("01T02:00:00"))));
        assertThat(traffic.prune(t("02T11:30:00"))).isEqualTo(2);
        assertThat(traffic.crossings("pkgdb")).isEmpty();
        assertThat(traffic.usages("pkgdb", Optional.empty())).isEmpty();
        assertThat(traffic.cursors("pkgdb", "staging")).as("moved at 12:00").hasSize(1);
    }

    @Test
    void every_cursor_of_every_service_and_environment_is_listed_for_the_metrics() {
        assertThat(traffic.cursors()).isEmpty();
        traffic.merge(List.of(), List.of(), List.of(
                new Follower.Cursor("pkgdb", "staging", "(dev=1,ino=2)", "/var/log/a", 100, t("02T11:00:00")),
                new Follower.Cursor("fas", "production", "(dev=1,ino=3)", "/var/log/b", 50, t("02T12:00:00")),
                new Follower.Cursor("pkgdb", "production", "(dev=1,ino=4)", "/var/log/c", 70, t("02T13:00:00"))), List.of());
        assertThat(traffic.cursors()).extracting(c -> c.service() + " " + c.environment() + " " + c.path() + " "
                + c.position() + " " + c.updated()).containsExactly("fas production /var/log/b 50 2014-06-02T12:00:00Z",
                "pkgdb production /var/log/c 70 2014-06-02T13:00:00Z", "pkgdb staging /var/log/a 100 2014-06-02T11:00:00Z");
        assertThat(traffic.cursors("pkgdb", "staging")).extracting(Follower.Cursor::path).containsExactly("/var/log/a");
    }

    @Test
    void reads_are_saved_with_their_counts_moved_on_and_pruned() {
        String head = "a".repeat(64);
        LogRead first = new LogRead("pkgdb", "production", head, 100, "/var/log/access.log", 100, t("02T10:00:00"));
        traffic.merge(List.of(new Usage("pkgdb", "production", "x", true, "GET /a", 1, t("02T09:00:00"),
                t("02T09:00:00"))), List.of(), List.of(), List.of(), List.of(first));
        traffic.merge(List.of(), List.of(), List.of(), List.of(), List.of(new LogRead("pkgdb", "production", head, 100,
                "/tmp/copy.log", 900, t("03T10:00:00"))));

        assertThat(traffic.reads("pkgdb", "production")).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/tmp/copy.log");
            assertThat(r.position()).isEqualTo(900);
            assertThat(r.at()).isEqualTo(t("03T10:00:00"));
        });
        assertThat(traffic.reads("pkgdb", "staging")).isEmpty();
        traffic.prune(t("03T09:00:00"));
        assertThat(traffic.reads("pkgdb", "production")).as("moved at 10:00 on the 3rd").hasSize(1);
        traffic.prune(t("03T11:00:00"));
        assertThat(traffic.reads("pkgdb", "production")).isEmpty();
    }

    @Test
    void names_are_stored_once_and_a_prune_forgets_the_ones_no_row_refers_to_any_more() {
        traffic.merge(List.of(
                new Usage("pkgdb", "production", "bodhi", true, "GET /packages/{}", 1, t("01T09:00:00"), t("01T09:00:00")),
                new Usage("pkgdb", "production", "koji", true, "GET /packages/{}", 1, t("02T12:00:00"), t("02T12:00:00"))));
        assertThat(names()).containsExactlyInAnyOrder("pkgdb", "production", "bodhi", "koji", "GET /packages/{}");

        traffic.prune(t("02T00:00:00"));

        assertThat(names()).as("bodhi's only row went").containsExactlyInAnyOrder("pkgdb", "production", "koji",
                "GET /packages/{}");
        traffic.merge(List.of(new Usage("pkgdb", "production", "bodhi", true, "GET /packages/{}", 2, t("03T09:00:00"),
                t("03T09:00:00"))));
        assertThat(traffic.usages("pkgdb", Optional.of("production"))).extracting(u -> u.caller() + " " + u.count())
                .containsExactly("bodhi 2", "koji 1");
    }

    private List<String> names() {
        return db.jdbi().withHandle(h -> h.createQuery("select name from traffic_name").mapTo(String.class).list());
    }
}

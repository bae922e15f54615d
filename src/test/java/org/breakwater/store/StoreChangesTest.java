package org.breakwater.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's change token moves for every committed write, whoever makes it: this process
 * through its pool, or another process (a second {@link Database} on the same store stands for
 * one), on SQLite and on PostgreSQL. Caches keyed on it (plan reports) rely on that.
 */
class StoreChangesTest {
    @TempDir
    Path dir;

    @Test
    void on_sqlite_the_token_moves_for_a_write_through_the_pool_or_another_process_and_only_then() {
        try (Database db = Database.sqlite(dir); Database other = Database.sqlite(dir)) {
            String first = db.changes().get();
            db.jdbi().useHandle(h -> h.createQuery("select count(*) from plan").mapTo(Long.class).one());
            assertThat(db.changes().get()).as("a read changes nothing").isEqualTo(first);
            db.jdbi().useHandle(h -> h.execute("update catalog_generation set generation = generation + 1"));
            String afterOwn = db.changes().get();
            assertThat(afterOwn).as("a write through this process's pool").isNotEqualTo(first);
            other.jdbi().useHandle(h -> h.execute("update catalog_generation set generation = generation + 1"));
            assertThat(db.changes().get()).as("a write by another process").isNotEqualTo(afterOwn);
        }
    }

    @Test
    void on_postgresql_the_token_moves_for_a_write_by_this_instance_or_another() {
        String url = TestDatabases.newPostgresUrl();
        try (Database db = Database.open(url); Database other = Database.open(url)) {
            String first = db.changes().get();
            db.jdbi().useHandle(h -> h.execute("update catalog_generation set generation = generation + 1"));
            String afterOwn = db.changes().get();
            assertThat(afterOwn).as("a write through this instance's pool").isNotEqualTo(first);
            other.jdbi().useHandle(h -> h.execute("update catalog_generation set generation = generation + 1"));
            assertThat(db.changes().get()).as("a write by another instance").isNotEqualTo(afterOwn);
        }
    }

    @Test
    void an_sqlite_store_in_memory_never_has_the_same_token_twice_so_nothing_is_kept() {
        try (Database db = Database.open("jdbc:sqlite:file:changes-test?mode=memory&cache=shared")) {
            assertThat(db.changes().get()).isNotEqualTo(db.changes().get());
        }
    }
}

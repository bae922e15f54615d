package org.breakwater.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What docs/operations.md ("Upgrade") says: instances that start at once on one PostgreSQL
 * database all come up, and each migration is applied once (Flyway's advisory lock).
 */
class ConcurrentMigrationTest {
    private static long migrationFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    @Test
    void instances_starting_at_once_on_postgresql_apply_each_migration_once() throws Exception {
        String url = TestDatabases.newPostgresUrl();
        int instances = 4;
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<Database>> opened = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            opened.add(pool.submit(() -> {
                start.await();
                return Database.open(url);
            }));
        }
        try {
            for (Future<Database> f : opened) {
                f.get().close(); // every instance came up
            }
        } finally {
            pool.shutdownNow();
        }

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            ResultSet twice = s.executeQuery("select version from flyway_schema_history where version is not null"
                    + " group by version having count(*) > 1");
            assertThat(twice.next()).as("a migration applied twice").isFalse();
            ResultSet failed = s.executeQuery("select count(*) from flyway_schema_history where not success");
            failed.next();
            assertThat(failed.getInt(1)).isZero();
            ResultSet applied = s.executeQuery("select count(*) from flyway_schema_history where version is not null");
            applied.next();
            assertThat(applied.getInt(1)).isEqualTo(migrationFiles());
        }
    }
}

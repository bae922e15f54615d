package org.breakwater.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.traffic.Sample;
import org.breakwater.traffic.StatusCount;
import org.breakwater.traffic.Usage;
import org.breakwater.traffic.store.JdbiSampleRepository;
import org.breakwater.traffic.store.JdbiTrafficRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V26 (decision 0030) moves the traffic rows of a store written before it - counts, status
 * buckets and replay samples keyed by their names - to rows keyed by numbers, on both stores:
 * every row reads back as it was.
 */
class TrafficRowsMigrationTest {
    @TempDir
    Path dir;

    private static final String[] OLD_ROWS = {
        "insert into traffic_usage values ('pkgdb', 'production', 'bodhi', true, 'GET /packages/{}', 10, 1000, 5000)",
        "insert into traffic_usage values ('pkgdb', 'production', 'unknown (curl from 192.0.2.5)', false,"
                + " '? GET /nothing', 2, 2000, 3000)",
        "insert into traffic_usage values ('pkgdb', 'staging', 'bodhi', true, 'GET /packages/{}', 7, 4000, 4000)",
        "insert into traffic_status values ('pkgdb', 'production', 'bodhi', true, 'GET /packages/{}', 60000, 8, 1, 1, 0)",
        "insert into traffic_status values ('pkgdb', 'production', 'bodhi', true, 'GET /packages/{}', 120000, 0, 0, 0, 3)",
        "insert into traffic_sample values ('pkgdb', 'production', 'bodhi', true, 'GET /packages/{}', 0,"
                + " '/packages/guake?page=2', 10, 5000)",
        "insert into traffic_sample values ('pkgdb', 'production', 'bodhi', true, 'GET /packages/{}', 1,"
                + " '/packages/kernel', 10, 5000)",
    };

    @Test
    void a_sqlite_store_of_version_25_keeps_its_traffic_rows() throws Exception {
        Path file = dir.resolve("breakwater.db");
        String url = "jdbc:sqlite:" + file;
        migrateTo25(url, Dialect.SQLITE);
        write(url);
        try (Database db = Database.sqlite(dir)) {
            readsBack(db);
        }
    }

    @Test
    void a_postgresql_store_of_version_25_keeps_its_traffic_rows() throws Exception {
        String url = TestDatabases.newPostgresUrl();
        migrateTo25(url, Dialect.POSTGRESQL);
        write(url);
        try (Database db = Database.open(url)) {
            readsBack(db);
        }
    }

    private static void migrateTo25(String url, Dialect dialect) {
        Flyway.configure(Database.class.getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration").placeholders(dialect.placeholders()).target("25").load().migrate();
    }

    private static void write(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String row : OLD_ROWS) {
                s.execute(row);
            }
        }
    }

    private static void readsBack(Database db) {
        JdbiTrafficRepository traffic = new JdbiTrafficRepository(db.jdbi());
        assertThat(traffic.usages("pkgdb", Optional.empty())).containsExactly(
                new Usage("pkgdb", "production", "bodhi", true, "GET /packages/{}", 10, ms(1000), ms(5000)),
                new Usage("pkgdb", "production", "unknown (curl from 192.0.2.5)", false, "? GET /nothing", 2, ms(2000),
                        ms(3000)),
                new Usage("pkgdb", "staging", "bodhi", true, "GET /packages/{}", 7, ms(4000), ms(4000)));
        assertThat(traffic.statuses("pkgdb", "production", ms(0), ms(200_000))).containsExactly(
                new StatusCount("pkgdb", "production", "bodhi", true, "GET /packages/{}", ms(60_000), 8, 1, 1, 0),
                new StatusCount("pkgdb", "production", "bodhi", true, "GET /packages/{}", ms(120_000), 0, 0, 0, 3));
        assertThat(new JdbiSampleRepository(db.jdbi()).samples("pkgdb", "production")).containsExactly(
                new Sample("pkgdb", "production", "bodhi", true, "GET /packages/{}",
                        List.of("/packages/guake?page=2", "/packages/kernel"), 10, ms(5000)));
    }

    private static Instant ms(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}

package org.breakwater.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: an SQLite file in a test's folder, or a fresh database in one
 * embedded PostgreSQL server started once for the whole test run.
 */
public final class TestDatabases {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static Database sqlite(Path dir) {
        return Database.sqlite(dir);
    }

    /** A new, empty PostgreSQL database. */
    public static Database postgres() {
        return Database.open(newPostgresUrl());
    }

    /** The URL of a new, empty PostgreSQL database (for tests that open it themselves, like the CLI's). */
    public static synchronized String newPostgresUrl() {
        EmbeddedPostgres pg = server();
        String name = "bw_test_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            // a fallback for runs outside JUnit; TestRun stops it at the end of a test run
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop));
        }
        return postgres;
    }

    /** Stops the embedded PostgreSQL, if one started; called by {@link TestRun} when the run ends. */
    public static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("breakwater tests: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }
}

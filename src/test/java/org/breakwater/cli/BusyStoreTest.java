package org.breakwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers on one SQLite store, for real: a second connection holds the write lock while a
 * catalog import runs. Released in time, the import waits and retries its transaction and
 * succeeds; held throughout, the import says the store is busy and exits 2 (it used to say
 * "internal error ... This is a bug", exit 3). A store that cannot grow says the disk is full.
 */
class BusyStoreTest {
    static final String CATALOG = "src/main/resources/demo/catalog";

    @TempDir
    Path dir;

    /** The store's URL with SQLite settings for this connection (the command's, not the test's). */
    String url(String settings) {
        return "jdbc:sqlite:" + dir.resolve("store.db") + (settings.isEmpty() ? "" : "?" + settings);
    }

    CliRun run(String url, String... args) {
        return CliRun.run(args, List.of("--db", url));
    }

    @BeforeEach
    void store() {
        assertThat(run(url(""), "catalog", "import", CATALOG).code()).isZero();
    }

    /** A second writer: holds the store's write lock until closed. */
    Connection holdWriteLock() throws Exception {
        Connection c = DriverManager.getConnection(url(""));
        try (Statement s = c.createStatement()) {
            s.execute("begin immediate");
            s.execute("update catalog_generation set generation = generation + 1 where id = 1");
        }
        return c;
    }

    @Test
    void an_import_waits_and_retries_while_another_writer_holds_the_store_and_succeeds_once_it_lets_go() throws Exception {
        Connection other = holdWriteLock();
        // The other writer lets go when the import's first try has failed busy and it is about to
        // try again (the retry's log line, on the import's own thread): no timing involved.
        ch.qos.logback.classic.Logger retries = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "org.breakwater.store.BusyRetry");
        ch.qos.logback.classic.Level level = retries.getLevel();
        java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
        ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> release = new ch.qos.logback.core.AppenderBase<>() {
            @Override
            protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
                if (busy.getAndIncrement() == 0) {
                    try (Statement s = other.createStatement()) {
                        s.execute("commit");
                        other.close();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        release.setContext(retries.getLoggerContext());
        release.start();
        retries.setLevel(ch.qos.logback.classic.Level.DEBUG);
        retries.addAppender(release);
        try {
            CliRun r = run(url("busy_timeout=250"), "catalog", "import", CATALOG);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Imported");
            assertThat(busy.get()).as("the import found the store busy once, then went through").isEqualTo(1);
        } finally {
            retries.detachAppender(release);
            retries.setLevel(level);
            if (!other.isClosed()) {
                other.close();
            }
        }
    }

    @Test
    void an_import_against_a_store_held_throughout_says_it_is_busy_and_exits_2() throws Exception {
        try (Connection other = holdWriteLock()) {
            CliRun r = run(url("busy_timeout=100"), "catalog", "import", CATALOG);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("the store is busy").contains("nothing was changed")
                    .doesNotContain("internal error").doesNotContain("This is a bug");
        }
    }

    @Test
    void a_store_that_cannot_grow_says_the_disk_is_full_and_exits_2() throws Exception {
        long pages;
        try (Connection c = DriverManager.getConnection(url("")); Statement s = c.createStatement()) {
            s.execute("vacuum"); // no free pages left inside the file
            try (ResultSet rs = s.executeQuery("pragma page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
        }
        // SQLite's own SQLITE_FULL: the command's connection may not grow the file past its present size
        CliRun r = run(url("max_page_count=" + pages), "record-deployment", "--service", "pkgdb", "--version", "2.0.0",
                "--env", "production", "--at", "2014-06-01T10:00:00Z", "--spec", CATALOG + "/apis/pkgdb/v2/openapi.yaml");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("the disk holding the store is full").doesNotContain("This is a bug");
    }
}

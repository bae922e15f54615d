package org.breakwater.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the store: an SQLite file by default, PostgreSQL when a URL names one; brings its
 * schema up to date with Flyway and hands out a {@link Jdbi}.
 */
public final class Database implements AutoCloseable {
    /** Where the default SQLite file lives inside the data directory. */
    public static final String SQLITE_FILE = "breakwater.db";

    /** Connections kept open at most: enough for a command, and for the server's few threads. */
    private static final int POOL_SIZE = 4;

    /** How long one SQLite statement waits for another connection's write lock (then {@link BusyRetry} runs the transaction again). */
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    /** SQLite's primary result codes (the low byte of an extended code) for a locked and a full store. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_FULL = 13;

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final StoreChanges changes;
    /** The pool reports to this once measured (HikariCP takes one registry, once); each server adds its own. */
    private io.micrometer.core.instrument.composite.CompositeMeterRegistry meters;

    private Database(String url, HikariDataSource pool, DataSource direct) {
        this.url = url;
        this.dialect = Dialect.of(url);
        this.pool = pool;
        // SQLite's token needs a connection of its own, outside the pool; PostgreSQL's any connection
        boolean memory = url.contains(":memory:") || url.contains("mode=memory");
        this.changes = new StoreChanges(dialect == Dialect.SQLITE ? (memory ? null : direct) : pool,
                dialect == Dialect.SQLITE);
        this.jdbi = Jdbi.create(pool);
        // queries share one set of named values and use the ones they need
        jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.setTransactionHandler(new BusyRetry(jdbi.getTransactionHandler()));
    }

    /** The SQLite file in {@code dataDir}, created with its folder when missing. */
    public static Database sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE));
    }

    /** Opens and migrates the database {@code url} names (jdbc:sqlite:… or jdbc:postgresql:…). */
    public static Database open(String url) {
        Dialect dialect;
        try {
            dialect = Dialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage());
        }
        DataSource ds = dialect == Dialect.SQLITE ? sqliteSource(url) : postgresSource(url);
        try (Connection c = ds.getConnection()) {
            c.isValid(5); // straight to the database, so its own words reach the user
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + redacted(url) + ": " + e.getMessage(), e);
        }
        HikariDataSource pool = pool(ds);
        Database db = new Database(url, pool, ds);
        try {
            db.migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    /**
     * A small pool over {@code ds}: a connection costs milliseconds to open (tens of them on
     * PostgreSQL), and one use case makes several queries. Idle connections are closed, so an
     * idle process holds none.
     */
    private static HikariDataSource pool(DataSource ds) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setPoolName("breakwater");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1); // the first use reports an unreachable database, in words
        return new HikariDataSource(config);
    }

    /**
     * Has HikariCP's own Micrometer binding report the pool (connections active, idle, pending,
     * acquire times, timeouts) to {@code registry} until {@link #unmeasure} takes it off.
     */
    public synchronized void measure(io.micrometer.core.instrument.MeterRegistry registry) {
        if (meters == null) {
            meters = new io.micrometer.core.instrument.composite.CompositeMeterRegistry();
            pool.setMetricRegistry(meters);
        }
        meters.add(registry);
    }

    /** Stops reporting the pool to {@code registry}. */
    public synchronized void unmeasure(io.micrometer.core.instrument.MeterRegistry registry) {
        if (meters != null) {
            meters.remove(registry);
        }
    }

    /** Closes the pool's connections. */
    @Override
    public void close() {
        changes.close();
        pool.close();
    }

    /** A token that differs once any write has been committed to the store since ({@link StoreChanges}). */
    public StoreChanges changes() {
        return changes;
    }

    private static DataSource sqliteSource(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyTimeout(url));
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    /**
     * How long a statement waits for another writer: {@code busy_timeout=MS} in the URL, else 5 s.
     * (sqlite-jdbc lets the data source's settings win over the URL's, so the URL's is read here.)
     */
    private static int busyTimeout(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]busy_timeout=(\\d{1,9})(&|$)").matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : BUSY_TIMEOUT_MILLIS;
    }

    private static DataSource postgresSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setApplicationName("breakwater");
        return ds;
    }

    private void migrate(DataSource ds) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .placeholders(dialect.placeholders())
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot bring the database " + redacted(url) + " up to date: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /**
     * What a failure says about the store, when it is one a user can act on: another writer held
     * the store (busy), or the disk holding it is full. Looks through the causes for the
     * database's own error; empty for anything else (a bug).
     */
    public static java.util.Optional<StoreException> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreException s) {
                return java.util.Optional.of(s);
            }
            if (t instanceof org.sqlite.SQLiteException e) {
                int code = e.getResultCode().code & 0xff;
                if (code == SQLITE_BUSY) {
                    return java.util.Optional.of(new StoreException(StoreException.Kind.BUSY, "the store is busy: another"
                            + " process (a second Breakwater command or server) kept it locked for writing through every"
                            + " wait and retry; nothing was changed; try again when it is done", e));
                }
                if (code == SQLITE_FULL) {
                    return java.util.Optional.of(full(e));
                }
            }
            if (t instanceof SQLException e && "53100".equals(e.getSQLState())) {
                return java.util.Optional.of(full(e));
            }
        }
        return java.util.Optional.empty();
    }

    private static StoreException full(SQLException e) {
        return new StoreException(StoreException.Kind.FULL, "the disk holding the store is full (the database could not"
                + " grow: " + firstLine(e.getMessage()) + "); nothing was changed; free some space and try again", e);
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().split("\n", 2)[0];
    }

    /** The URL without a password, for messages. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return redacted(url);
    }
}

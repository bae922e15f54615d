package org.breakwater.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A token that differs once any write has been committed to the store since it was read, by this
 * process or another (several {@code serve} instances on one PostgreSQL, a CLI command beside a
 * server on SQLite). A cache keyed on it never serves what a committed write made stale: read the
 * token first, then the data, and keep the result under that token (a write committed in between
 * gives the next reader another token).
 *
 * <ul>
 *   <li>SQLite: {@code PRAGMA data_version} on a connection of its own that never writes: SQLite
 *       changes it for every commit made by any other connection, in any process.</li>
 *   <li>PostgreSQL: the current transaction snapshot ({@code txid_current_snapshot()}: the oldest
 *       running transaction, the next transaction id and those in progress). Every write takes a
 *       transaction id and leaves the in-progress list when it commits, so a commit always changes
 *       it; read-only transactions take none. Writes to other databases of the same server change
 *       it too (a needless miss, never a stale hit).</li>
 * </ul>
 *
 * When the token cannot be read, or for an SQLite store in memory (its connections may not see
 * each other's commits as another connection's), it is a fresh one every time: nothing is reused.
 */
public final class StoreChanges implements Supplier<String>, AutoCloseable {
    private final DataSource source;
    private final boolean sqlite;
    private Connection own;

    StoreChanges(DataSource source, boolean sqlite) {
        this.source = source;
        this.sqlite = sqlite;
    }

    @Override
    public String get() {
        if (source == null) {
            return "unread-" + UUID.randomUUID();
        }
        try {
            return sqlite ? sqlite() : postgres();
        } catch (SQLException e) {
            return "unread-" + UUID.randomUUID();
        }
    }

    private synchronized String sqlite() throws SQLException {
        if (own == null || own.isClosed()) {
            own = source.getConnection();
        }
        try (Statement s = own.createStatement(); ResultSet r = s.executeQuery("pragma data_version")) {
            r.next();
            return Long.toString(r.getLong(1));
        }
    }

    private String postgres() throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select txid_current_snapshot()::text")) {
            r.next();
            return r.getString(1);
        }
    }

    @Override
    public synchronized void close() {
        if (own != null) {
            try {
                own.close();
            } catch (SQLException e) {
                // closing anyway
            }
            own = null;
        }
    }
}

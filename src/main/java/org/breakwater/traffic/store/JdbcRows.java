package org.breakwater.traffic.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Many rows of one statement through plain JDBC on a JDBI handle's connection (in its
 * transaction), executed in batches of {@link #BATCH}: a JDBI batch binds each value through its
 * argument factories, which cost more than SQLite's own insert for the hundreds of thousands of
 * rows a traffic ingest writes (issue 19, decision 0028). Failures are thrown as JDBI's.
 */
final class JdbcRows implements AutoCloseable {
    static final int BATCH = 5000;

    /** Binds one row's values to the statement. */
    interface Binder<T> {
        void bind(PreparedStatement st, T row) throws SQLException;
    }

    private final PreparedStatement st;
    private int pending;

    JdbcRows(Handle h, String sql) {
        try {
            this.st = h.getConnection().prepareStatement(sql);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Adds one row, bound by {@code binder}; executes the batch when it is full. */
    <T> void add(T row, Binder<T> binder) {
        try {
            binder.bind(st, row);
            st.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            st.executeBatch();
            pending = 0;
        }
    }

    /** Executes what is left, and closes the statement. */
    @Override
    public void close() {
        try (st) {
            flush();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}

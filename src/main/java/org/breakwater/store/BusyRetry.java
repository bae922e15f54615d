package org.breakwater.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when SQLite says the store is busy. SQLite's busy timeout makes a
 * statement wait for another connection's write lock, but a transaction that read before it
 * wrote cannot wait its way out (its snapshot is stale once the other writer commits: SQLite
 * answers SQLITE_BUSY at once), so the whole transaction is rolled back and run again, a bounded
 * number of times with a growing pause. Only the outermost transaction is retried.
 */
final class BusyRetry extends DelegatingTransactionHandler {
    /** Pauses before each retry, in milliseconds: five tries in all. */
    private static final long[] PAUSES = {100, 200, 400, 800};
    private static final Logger LOG = LoggerFactory.getLogger(BusyRetry.class);

    BusyRetry(TransactionHandler delegate) {
        super(delegate);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        return retried(handle, () -> getDelegate().inTransaction(handle, callback));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        return retried(handle, () -> getDelegate().inTransaction(handle, level, callback));
    }

    private interface Attempt<R, X extends Exception> {
        R run() throws X;
    }

    private <R, X extends Exception> R retried(Handle handle, Attempt<R, X> attempt) throws X {
        if (handle.isInTransaction()) {
            return attempt.run(); // nested: the outermost transaction retries
        }
        for (int tried = 0; ; tried++) {
            try {
                return attempt.run();
            } catch (RuntimeException e) {
                Optional<StoreException> why = Database.explain(e);
                if (tried >= PAUSES.length || why.isEmpty() || !why.get().busy()) {
                    throw e;
                }
                LOG.debug("the store is busy (another writer holds it): the transaction runs again in {} ms, try {} of {}",
                        PAUSES[tried], tried + 2, PAUSES.length + 1);
                pause(PAUSES[tried], e);
            }
        }
    }

    private static void pause(long millis, RuntimeException e) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}

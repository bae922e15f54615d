package org.breakwater.deployday.board;

import java.util.function.Supplier;

/**
 * Runs a piece of work as one database transaction: everything it writes through the store is kept,
 * or (when it throws) none of it. {@code App} gives one over its {@code Jdbi}, whose repositories join
 * the transaction open on the calling thread.
 */
@FunctionalInterface
public interface Atomically {
    <T> T run(Supplier<T> work);

    /** No transaction: the work as it is (for tests of the pure parts). */
    Atomically NOT = new Atomically() {
        @Override
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    };
}

/**
 * The database under every feature: {@link org.breakwater.store.Database} opens SQLite (the
 * default, one file in the data directory) or PostgreSQL, runs the Flyway migrations in
 * {@code db/migration} and hands out a Jdbi. The repositories themselves live in each
 * feature's {@code store} package.
 */
package org.breakwater.store;

/**
 * The catalog in SQL (Jdbi), one implementation for SQLite and PostgreSQL; the schema is in
 * {@code db/migration}, the design in docs/decisions/0003-store-design.md.
 */
package org.breakwater.catalog.store;

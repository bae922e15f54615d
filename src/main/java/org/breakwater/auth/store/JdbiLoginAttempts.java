package org.breakwater.auth.store;

import java.time.Instant;
import java.util.Optional;
import org.breakwater.auth.LoginAttempts;
import org.jdbi.v3.core.Jdbi;

/**
 * Login counters and known addresses in SQL, the same on SQLite and PostgreSQL. A counter is
 * replaced by a conditional update ({@code where attempts = ? and last_at = ?}): PostgreSQL
 * rechecks the condition on the row a concurrent update left, SQLite runs writes one at a
 * time, so exactly one of two racing replacements wins.
 */
public final class JdbiLoginAttempts implements LoginAttempts {
    private final Jdbi jdbi;

    public JdbiLoginAttempts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Counter> counter(String key) {
        return jdbi.withHandle(h -> h.createQuery("select attempts, last_at from login_counter where counter_key = ?")
                .bind(0, key).map((rs, ctx) -> new Counter(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)))).findOne());
    }

    @Override
    public boolean start(String key, Counter c) {
        return jdbi.withHandle(h -> h.createUpdate("insert into login_counter (counter_key, attempts, last_at)"
                        + " values (?, ?, ?) on conflict (counter_key) do nothing")
                .bind(0, key).bind(1, c.attempts()).bind(2, c.lastAt().toEpochMilli()).execute()) == 1;
    }

    @Override
    public boolean replace(String key, Counter expected, Counter next) {
        return jdbi.withHandle(h -> h.createUpdate("update login_counter set attempts = ?, last_at = ?"
                        + " where counter_key = ? and attempts = ? and last_at = ?")
                .bind(0, next.attempts()).bind(1, next.lastAt().toEpochMilli()).bind(2, key)
                .bind(3, expected.attempts()).bind(4, expected.lastAt().toEpochMilli()).execute()) == 1;
    }

    @Override
    public void clear(String key) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_counter where counter_key = ?").bind(0, key).execute());
    }

    @Override
    public void forget(Instant at, Instant addressesAt) {
        jdbi.useHandle(h -> {
            h.createUpdate("delete from login_counter where last_at < ?").bind(0, at.toEpochMilli()).execute();
            h.createUpdate("delete from login_address where last_at < ?").bind(0, addressesAt.toEpochMilli()).execute();
        });
    }

    @Override
    public boolean known(String username, String address, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from login_address where username = ? and address = ?"
                        + " and last_at >= ?").bind(0, username).bind(1, address).bind(2, since.toEpochMilli())
                .mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void remember(String username, String address, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("insert into login_address (username, address, last_at) values (?, ?, ?)"
                        + " on conflict (username, address) do update set last_at = excluded.last_at")
                .bind(0, username).bind(1, address).bind(2, at.toEpochMilli()).execute());
    }
}

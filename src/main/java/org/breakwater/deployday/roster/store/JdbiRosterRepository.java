package org.breakwater.deployday.roster.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.deployday.roster.RosterRepository;
import org.breakwater.deployday.roster.RosterRole;
import org.jdbi.v3.core.Jdbi;

/** Rosters in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiRosterRepository implements RosterRepository {
    private static final String COLUMNS = "id, plan_id, username, role, team, reason, added_at, invited_at,"
            + " confirmed_at, confirmed_via";
    private final Jdbi jdbi;

    public JdbiRosterRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static RosterMember member(ResultSet rs) throws SQLException {
        return new RosterMember(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("username"),
                RosterRole.parse(rs.getString("role")).orElseThrow(), Optional.ofNullable(rs.getString("team")),
                rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("added_at")), instant(rs, "invited_at"),
                instant(rs, "confirmed_at"), Optional.ofNullable(rs.getString("confirmed_via")));
    }

    @Override
    public RosterMember add(long planId, String username, RosterRole role, Optional<String> team, String reason,
                            Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<RosterMember> there = h.createQuery("select " + COLUMNS + " from roster_member where plan_id = ?"
                            + " and username = ? and role = ?").bind(0, planId).bind(1, username).bind(2, role.id())
                    .map((rs, ctx) -> member(rs)).findOne();
            if (there.isPresent()) {
                return there.get();
            }
            long id = h.createUpdate("insert into roster_member (plan_id, username, role, team, reason, added_at)"
                            + " values (?, ?, ?, ?, ?, ?)").bind(0, planId).bind(1, username).bind(2, role.id())
                    .bind(3, team.orElse(null)).bind(4, reason).bind(5, at.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery("select " + COLUMNS + " from roster_member where id = ?").bind(0, id)
                    .map((rs, ctx) -> member(rs)).one();
        });
    }

    @Override
    public List<RosterMember> members(long planId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from roster_member where plan_id = ?"
                + " order by id").bind(0, planId).map((rs, ctx) -> member(rs)).list());
    }

    @Override
    public Optional<RosterMember> member(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from roster_member where id = ?").bind(0, id)
                .map((rs, ctx) -> member(rs)).findOne());
    }

    @Override
    public void invited(long id, Instant at, String linkHash, Instant expires) {
        jdbi.useHandle(h -> h.createUpdate("update roster_member set invited_at = ?, link_hash = ?, link_expires = ?,"
                        + " link_used_at = null where id = ?").bind(0, at.toEpochMilli()).bind(1, linkHash)
                .bind(2, expires.toEpochMilli()).bind(3, id).execute());
    }

    @Override
    public boolean confirm(long id, Instant at, String via) {
        return jdbi.withHandle(h -> h.createUpdate("update roster_member set confirmed_at = ?, confirmed_via = ?"
                + " where id = ? and confirmed_at is null").bind(0, at.toEpochMilli()).bind(1, via).bind(2, id)
                .execute()) == 1;
    }

    @Override
    public Optional<RosterMember> byLink(String linkHash) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from roster_member where link_hash = ?")
                .bind(0, linkHash).map((rs, ctx) -> member(rs)).findOne());
    }

    @Override
    public boolean useLink(String linkHash, Instant now) {
        long t = now.toEpochMilli();
        return jdbi.withHandle(h -> h.createUpdate("update roster_member set link_used_at = :t,"
                        + " confirmed_at = coalesce(confirmed_at, :t), confirmed_via = coalesce(confirmed_via, 'link')"
                        + " where link_hash = :hash and link_used_at is null and link_expires > :t")
                .bind("t", t).bind("hash", linkHash).execute()) == 1;
    }
}

package org.breakwater.auth.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.auth.AccessRepository;
import org.breakwater.auth.ApiToken;
import org.breakwater.auth.AuditEntry;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.jdbi.v3.core.Jdbi;

/** Tokens and the audit log in SQL, the same on SQLite and PostgreSQL. */
public final class JdbiAccessRepository implements AccessRepository {
    private static final String TOKEN_COLUMNS = "id, name, username, role, team, created_at, revoked_at";
    private final Jdbi jdbi;

    public JdbiAccessRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static ApiToken token(java.sql.ResultSet rs) throws java.sql.SQLException {
        long revoked = rs.getLong(7);
        boolean wasRevoked = !rs.wasNull();
        return new ApiToken(rs.getLong(1), rs.getString(2), new Principal(rs.getString(3),
                Role.parse(rs.getString(4)).orElseThrow(), Optional.ofNullable(rs.getString(5))),
                Instant.ofEpochMilli(rs.getLong(6)), wasRevoked ? Optional.of(Instant.ofEpochMilli(revoked)) : Optional.empty());
    }

    @Override
    public ApiToken createToken(String name, Principal p, String hash, Instant at) {
        long id = jdbi.withHandle(h -> h.createUpdate("insert into api_token (name, username, role, team, hash, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .bind(0, name).bind(1, p.username()).bind(2, p.role().id()).bind(3, p.team().orElse(null)).bind(4, hash)
                .bind(5, at.toEpochMilli()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new ApiToken(id, name, p, at, Optional.empty());
    }

    @Override
    public Optional<ApiToken> tokenByHash(String hash) {
        return jdbi.withHandle(h -> h.createQuery("select " + TOKEN_COLUMNS + " from api_token where hash = ?")
                .bind(0, hash).map((rs, ctx) -> token(rs)).findOne());
    }

    @Override
    public List<ApiToken> tokens() {
        return jdbi.withHandle(h -> h.createQuery("select " + TOKEN_COLUMNS + " from api_token order by id")
                .map((rs, ctx) -> token(rs)).list());
    }

    @Override
    public boolean revoke(long id, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .bind(0, at.toEpochMilli()).bind(1, id).execute()) == 1;
    }

    @Override
    public void audit(Instant at, String actor, String action, String subject, Optional<String> detail) {
        jdbi.useHandle(h -> h.createUpdate("insert into audit_log (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
                .bind(0, at.toEpochMilli()).bind(1, actor).bind(2, action).bind(3, subject).bind(4, detail.orElse(null))
                .execute());
    }

    @Override
    public List<AuditEntry> audit(Optional<String> subject, int limit) {
        String sql = "select id, at, actor, action, subject, detail from audit_log"
                + (subject.isPresent() ? " where subject = :subject" : "") + " order by at desc, id desc limit :limit";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("subject", subject.orElse(null)).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), Optional.ofNullable(rs.getString(6)))).list());
    }
}

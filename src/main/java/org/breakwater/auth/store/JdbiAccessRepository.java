package org.breakwater.auth.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.auth.AccessRepository;
import org.breakwater.auth.Account;
import org.breakwater.auth.ApiToken;
import org.breakwater.auth.AuditEntry;
import org.breakwater.auth.FeedToken;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.auth.Session;
import org.jdbi.v3.core.Jdbi;

/** Tokens, accounts, sessions and the audit log in SQL, the same on SQLite and PostgreSQL. */
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

    private static final String ACCOUNT_COLUMNS = "username, role, team, password_hash, created_at, disabled_at";

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        long disabled = rs.getLong(6);
        boolean wasDisabled = !rs.wasNull();
        return new Account(new Principal(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow(),
                Optional.ofNullable(rs.getString(3))), Optional.ofNullable(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)), wasDisabled ? Optional.of(Instant.ofEpochMilli(disabled)) : Optional.empty());
    }

    @Override
    public void saveAccount(Principal p, Optional<String> passwordHash, Instant at) {
        jdbi.useTransaction(h -> {
            int updated = passwordHash.isPresent()
                    ? h.createUpdate("update user_account set role = ?, team = ?, disabled_at = null, password_hash = ?"
                            + " where username = ?").bind(0, p.role().id()).bind(1, p.team().orElse(null))
                            .bind(2, passwordHash.get()).bind(3, p.username()).execute()
                    : h.createUpdate("update user_account set role = ?, team = ?, disabled_at = null where username = ?")
                            .bind(0, p.role().id()).bind(1, p.team().orElse(null)).bind(2, p.username()).execute();
            if (updated == 0) {
                h.createUpdate("insert into user_account (" + ACCOUNT_COLUMNS + ") values (?, ?, ?, ?, ?, null)")
                        .bind(0, p.username()).bind(1, p.role().id()).bind(2, p.team().orElse(null))
                        .bind(3, passwordHash.orElse(null)).bind(4, at.toEpochMilli()).execute();
            }
        });
    }

    @Override
    public Optional<Account> account(String username) {
        return jdbi.withHandle(h -> h.createQuery("select " + ACCOUNT_COLUMNS + " from user_account where username = ?")
                .bind(0, username).map((rs, ctx) -> account(rs)).findOne());
    }

    @Override
    public List<Account> accounts() {
        return jdbi.withHandle(h -> h.createQuery("select " + ACCOUNT_COLUMNS + " from user_account order by username")
                .map((rs, ctx) -> account(rs)).list());
    }

    @Override
    public boolean setPassword(String username, String passwordHash) {
        return jdbi.withHandle(h -> h.createUpdate("update user_account set password_hash = ? where username = ?")
                .bind(0, passwordHash).bind(1, username).execute()) == 1;
    }

    @Override
    public boolean disable(String username, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update user_account set disabled_at = ? where username = ?"
                + " and disabled_at is null").bind(0, at.toEpochMilli()).bind(1, username).execute()) == 1;
    }

    @Override
    public void createSession(String hash, Session s) {
        jdbi.useHandle(h -> h.createUpdate("insert into web_session (hash, username, role, team, csrf, created_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, hash).bind(1, s.principal().username()).bind(2, s.principal().role().id())
                .bind(3, s.principal().team().orElse(null)).bind(4, s.csrf()).bind(5, s.createdAt().toEpochMilli())
                .bind(6, s.expiresAt().toEpochMilli()).execute());
    }

    @Override
    public Optional<Session> session(String hash) {
        return jdbi.withHandle(h -> h.createQuery("select username, role, team, csrf, created_at, expires_at"
                        + " from web_session where hash = ?").bind(0, hash)
                .map((rs, ctx) -> new Session(new Principal(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow(),
                        Optional.ofNullable(rs.getString(3))), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                        Instant.ofEpochMilli(rs.getLong(6)))).findOne());
    }

    @Override
    public void deleteSession(String hash) {
        jdbi.useHandle(h -> h.createUpdate("delete from web_session where hash = ?").bind(0, hash).execute());
    }

    @Override
    public int deleteSessions(String username) {
        return jdbi.withHandle(h -> h.createUpdate("delete from web_session where username = ?").bind(0, username).execute());
    }

    @Override
    public void deleteSessionsExpiredBefore(Instant at) {
        jdbi.useHandle(h -> h.createUpdate("delete from web_session where expires_at < ?").bind(0, at.toEpochMilli())
                .execute());
    }

    private static final String FEED_COLUMNS = "id, username, created_at, revoked_at";

    private static FeedToken feedToken(java.sql.ResultSet rs) throws java.sql.SQLException {
        long revoked = rs.getLong(4);
        boolean wasRevoked = !rs.wasNull();
        return new FeedToken(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                wasRevoked ? Optional.of(Instant.ofEpochMilli(revoked)) : Optional.empty());
    }

    @Override
    public FeedToken createFeedToken(String username, String hash, Instant at) {
        long id = jdbi.withHandle(h -> h.createUpdate("insert into feed_token (username, hash, created_at) values (?, ?, ?)")
                .bind(0, username).bind(1, hash).bind(2, at.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new FeedToken(id, username, at, Optional.empty());
    }

    @Override
    public Optional<FeedToken> feedTokenByHash(String hash) {
        return jdbi.withHandle(h -> h.createQuery("select " + FEED_COLUMNS + " from feed_token where hash = ?")
                .bind(0, hash).map((rs, ctx) -> feedToken(rs)).findOne());
    }

    @Override
    public List<FeedToken> feedTokens() {
        return jdbi.withHandle(h -> h.createQuery("select " + FEED_COLUMNS + " from feed_token order by id")
                .map((rs, ctx) -> feedToken(rs)).list());
    }

    @Override
    public boolean revokeFeedToken(long id, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update feed_token set revoked_at = ? where id = ? and revoked_at is null")
                .bind(0, at.toEpochMilli()).bind(1, id).execute()) == 1;
    }
}

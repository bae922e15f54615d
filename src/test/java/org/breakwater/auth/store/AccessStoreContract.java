package org.breakwater.auth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.LoginThrottle;
import org.breakwater.auth.PasswordHasher;
import org.breakwater.auth.Session;
import org.breakwater.catalog.Outcome;
import org.breakwater.auth.AuditEntry;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, accounts, sessions and the audit log, on SQLite and on PostgreSQL. */
abstract class AccessStoreContract {
    @TempDir
    Path dir;

    Database db;
    AccessService access;
    /** A clock the tests move: sessions expire and throttles forget with it. */
    final MutableClock clock = new MutableClock(Instant.parse("2014-06-02T09:00:00Z"));
    AccessService timed;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        access = new AccessService(new JdbiAccessRepository(db.jdbi()), new JdbiLoginAttempts(db.jdbi()), Clock.systemUTC());
        // a low PBKDF2 cost keeps the tests quick; the stored form records it, so nothing else changes
        timed = new AccessService(new JdbiAccessRepository(db.jdbi()), clock, new PasswordHasher(1_000),
                LoginThrottle.standard(new JdbiLoginAttempts(db.jdbi()), clock));
    }

    /** A clock that stands still until moved. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Principal PINGOU = new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure"));

    private AccessService.LoggedIn login(String user, String password) {
        AccessService.Login l = timed.login(user, password, "192.0.2.10");
        assertThat(l).isInstanceOf(AccessService.LoggedIn.class);
        return (AccessService.LoggedIn) l;
    }

    @Test
    void an_account_logs_in_with_its_password_and_only_a_slow_hash_of_it_is_stored() {
        assertThat(timed.saveAccount(PINGOU, Optional.of("correct horse battery"), "nirik"))
                .isInstanceOf(Outcome.Done.class);
        String stored = db.jdbi().withHandle(h -> h.createQuery("select password_hash from user_account")
                .mapTo(String.class).one());
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct horse");
        AccessService.LoggedIn in = login("pingou", "correct horse battery");
        assertThat(in.session().principal()).isEqualTo(PINGOU);
        assertThat(timed.session(in.secret())).map(Session::principal).contains(PINGOU);
        assertThat(timed.session(in.secret() + "x")).isEmpty();
        Integer plain = db.jdbi().withHandle(h -> h.createQuery("select count(*) from web_session where hash = ?")
                .bind(0, in.secret()).mapTo(Integer.class).one());
        assertThat(plain).as("the cookie's secret itself is not stored").isZero();
        assertThat(timed.login("pingou", "correct horse battery!", "192.0.2.10")).isInstanceOf(AccessService.Refused.class);
        assertThat(timed.login("nobody", "correct horse battery", "192.0.2.10")).isInstanceOf(AccessService.Refused.class);
        assertThat(timed.auditLog(Optional.of("account/pingou"), 10)).extracting(AuditEntry::action)
                .containsExactly("login-failed", "login", "account-created");
    }

    @Test
    void sessions_end_at_logout_when_they_expire_and_when_the_account_changes() {
        timed.saveAccount(PINGOU, Optional.of("correct horse battery"), "nirik");
        AccessService.LoggedIn first = login("pingou", "correct horse battery");
        timed.logout(first.secret());
        assertThat(timed.session(first.secret())).isEmpty();

        AccessService.LoggedIn second = login("pingou", "correct horse battery");
        clock.advance(AccessService.SESSION_LENGTH.minusMinutes(1));
        assertThat(timed.session(second.secret())).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(timed.session(second.secret())).isEmpty();

        AccessService.LoggedIn third = login("pingou", "correct horse battery");
        timed.saveAccount(new Principal("pingou", Role.ADMIN, Optional.empty()), Optional.empty(), "nirik");
        assertThat(timed.session(third.secret())).as("a new role applies from the next login").isEmpty();
        assertThat(login("pingou", "correct horse battery").session().principal().role()).isEqualTo(Role.ADMIN);

        AccessService.LoggedIn fourth = login("pingou", "correct horse battery");
        assertThat(timed.setPassword("pingou", "another long secret", "pingou")).isInstanceOf(Outcome.Done.class);
        assertThat(timed.session(fourth.secret())).isEmpty();
        assertThat(timed.login("pingou", "correct horse battery", "192.0.2.10")).isInstanceOf(AccessService.Refused.class);
        AccessService.LoggedIn fifth = login("pingou", "another long secret");
        assertThat(timed.disable("pingou", "nirik")).isInstanceOf(Outcome.Done.class);
        assertThat(timed.session(fifth.secret())).isEmpty();
        assertThat(timed.login("pingou", "another long secret", "192.0.2.10")).isInstanceOf(AccessService.Refused.class);
        assertThat(timed.accounts()).singleElement().satisfies(a -> assertThat(a.active()).isFalse());
    }

    @Test
    void weak_passwords_bad_names_and_owners_without_a_team_are_refused_and_nothing_is_stored() {
        assertThat(timed.saveAccount(PINGOU, Optional.of("short"), "nirik")).isInstanceOf(Outcome.Refused.class);
        assertThat(timed.saveAccount(new Principal("pingou-long", Role.VIEWER, Optional.empty()),
                Optional.of("PINGOU-LONG"), "nirik")).isInstanceOf(Outcome.Refused.class);
        assertThat(timed.saveAccount(new Principal("bad name", Role.VIEWER, Optional.empty()),
                Optional.of("correct horse battery"), "nirik")).isInstanceOf(Outcome.Refused.class);
        assertThat(timed.saveAccount(new Principal("owner", Role.SERVICE_OWNER, Optional.empty()),
                Optional.of("correct horse battery"), "nirik")).isInstanceOf(Outcome.Refused.class);
        assertThat(timed.setPassword("nobody", "correct horse battery", "nirik")).isInstanceOf(Outcome.Refused.class);
        assertThat(timed.accounts()).isEmpty();
    }

    @Test
    void an_account_without_a_password_cannot_log_in_with_one() {
        timed.saveAccount(new Principal("sso-user", Role.VIEWER, Optional.empty()), Optional.empty(), "nirik");
        assertThat(timed.login("sso-user", "", "192.0.2.10")).isInstanceOf(AccessService.Refused.class);
        AccessService.LoggedIn vouched = timed.startSession(new Principal("sso-user", Role.VIEWER, Optional.empty()),
                "login-oidc", "issuer https://id.example");
        assertThat(timed.session(vouched.secret())).isPresent();
    }

    @Test
    void a_login_with_a_hash_of_lower_cost_is_rehashed_at_the_current_cost() {
        new AccessService(new JdbiAccessRepository(db.jdbi()), clock, new PasswordHasher(500),
                LoginThrottle.standard(new JdbiLoginAttempts(db.jdbi()), clock)).saveAccount(PINGOU, Optional.of("correct horse battery"), "nirik");
        login("pingou", "correct horse battery");
        String stored = db.jdbi().withHandle(h -> h.createQuery("select password_hash from user_account")
                .mapTo(String.class).one());
        assertThat(stored).startsWith("pbkdf2-sha256$1000$");
        login("pingou", "correct horse battery");
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    @Test
    void a_token_authenticates_until_revoked_and_only_its_hash_is_stored() {
        Principal owner = new Principal("pkgdb-ci", Role.SERVICE_OWNER, Optional.of("infrastructure"));
        AccessService.Issued issued = access.issue("pkgdb CI", owner);
        assertThat(issued.secret()).startsWith("bw_").hasSizeGreaterThan(40);
        assertThat(access.authenticate(issued.secret())).contains(owner);
        assertThat(access.authenticate(issued.secret() + "x")).isEmpty();
        Integer plain = db.jdbi().withHandle(h -> h.createQuery("select count(*) from api_token where hash = ?")
                .bind(0, issued.secret()).mapTo(Integer.class).one());
        assertThat(plain).isZero();
        assertThat(access.revoke(issued.token().id(), "nirik")).isTrue();
        assertThat(access.revoke(issued.token().id(), "nirik")).isFalse();
        assertThat(access.authenticate(issued.secret())).isEmpty();
        assertThat(access.tokens()).singleElement().satisfies(t -> assertThat(t.revokedAt()).isPresent());
    }

    @Test
    void the_audit_log_lists_the_newest_first_by_subject() {
        access.audit("pingou", "deployment-recorded", "service/pkgdb", Optional.of("1.9.2 → production"));
        access.audit("lmacken", "deployment-recorded", "service/bodhi", Optional.empty());
        access.audit("pingou", "deployment-recorded", "service/pkgdb", Optional.of("2.0.0 → production"));
        assertThat(access.auditLog(Optional.of("service/pkgdb"), 10)).extracting(e -> e.detail().orElse(""))
                .containsExactly("2.0.0 → production", "1.9.2 → production");
        assertThat(access.auditLog(Optional.empty(), 2)).extracting(AuditEntry::actor).containsExactly("pingou", "lmacken");
    }

    @Test
    void a_feed_token_names_its_reader_until_revoked_is_stored_hashed_and_is_no_api_token() {
        timed.saveAccount(PINGOU, Optional.empty(), "nirik");
        assertThat(timed.issueFeedToken("nobody", "nirik")).isInstanceOf(Outcome.Refused.class);
        AccessService.IssuedFeedToken issued = ((Outcome.Done<AccessService.IssuedFeedToken>)
                timed.issueFeedToken("pingou", "nirik")).value();
        assertThat(issued.secret()).startsWith("bwf_").hasSizeGreaterThan(40);
        assertThat(timed.feedReader(issued.secret())).contains("pingou");
        assertThat(timed.feedReader(issued.secret() + "x")).isEmpty();
        assertThat(timed.authenticate(issued.secret())).as("not an API token").isEmpty();
        String api = timed.issue("ci", PINGOU).secret();
        assertThat(timed.feedReader(api)).as("an API token is not a feed token").isEmpty();
        Integer plain = db.jdbi().withHandle(h -> h.createQuery("select count(*) from feed_token where hash = ?")
                .bind(0, issued.secret()).mapTo(Integer.class).one());
        assertThat(plain).isZero();
        assertThat(timed.feedTokens()).singleElement().satisfies(t -> assertThat(t.username()).isEqualTo("pingou"));
        assertThat(timed.revokeFeedToken(issued.token().id(), "pingou")).isTrue();
        assertThat(timed.revokeFeedToken(issued.token().id(), "pingou")).isFalse();
        assertThat(timed.feedReader(issued.secret())).isEmpty();
        assertThat(timed.auditLog(Optional.of("feed-token/" + issued.token().id()), 10)).extracting(AuditEntry::action)
                .containsExactly("feed-token-revoked", "feed-token-created");
    }
}

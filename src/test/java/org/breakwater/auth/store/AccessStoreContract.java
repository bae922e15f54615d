package org.breakwater.auth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.AuditEntry;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens and the audit log, on SQLite and on PostgreSQL. */
abstract class AccessStoreContract {
    @TempDir
    Path dir;

    Database db;
    AccessService access;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        access = new AccessService(new JdbiAccessRepository(db.jdbi()), Clock.systemUTC());
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
}

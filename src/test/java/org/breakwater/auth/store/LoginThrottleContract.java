package org.breakwater.auth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.breakwater.auth.AccessService;
import org.breakwater.auth.LoginThrottle;
import org.breakwater.auth.PasswordHasher;
import org.breakwater.auth.Principal;
import org.breakwater.auth.Role;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login throttling kept in the store, on SQLite and PostgreSQL: attempts reserved atomically
 * before the password check, per account and address with doubling waits, a softer per-account
 * and per-address limit that spares addresses that logged in before, and several servers on one
 * store counting together.
 */
abstract class LoginThrottleContract {
    static final String PASSWORD = "correct horse battery";
    private static final Principal PINGOU = new Principal("pingou", Role.SERVICE_OWNER, Optional.of("infrastructure"));

    @TempDir
    Path dir;

    Database db;
    Database other;
    final AccessStoreContract.MutableClock clock = new AccessStoreContract.MutableClock(Instant.parse("2014-06-02T09:00:00Z"));
    AccessService access;

    abstract Database open(Path dir);

    @BeforeEach
    void openStore() {
        db = open(dir);
        other = Database.open(db.url()); // a second server on the same store
        access = server(db);
        access.saveAccount(PINGOU, Optional.of(PASSWORD), "nirik");
        access.saveAccount(new Principal("adamwill", Role.VIEWER, Optional.empty()), Optional.of(PASSWORD), "nirik");
    }

    @AfterEach
    void closeStore() {
        other.close();
        db.close();
    }

    private AccessService server(Database on) {
        return new AccessService(new JdbiAccessRepository(on.jdbi()), clock, new PasswordHasher(1_000),
                LoginThrottle.standard(new JdbiLoginAttempts(on.jdbi()), clock));
    }

    private static Class<?> kind(AccessService.Login l) {
        return l.getClass();
    }

    @Test
    void five_failures_from_one_address_hold_back_that_address_for_that_account_with_doubling_waits() {
        for (int i = 0; i < 5; i++) {
            assertThat(access.login("pingou", "guess " + i, "198.51.100.7")).isInstanceOf(AccessService.Refused.class);
        }
        AccessService.Login held = access.login("pingou", PASSWORD, "198.51.100.7");
        assertThat(held).isInstanceOf(AccessService.Throttled.class);
        assertThat(((AccessService.Throttled) held).retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(access.login("pingou", PASSWORD, "192.0.2.10")).as("the owner elsewhere")
                .isInstanceOf(AccessService.LoggedIn.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(access.login("pingou", "guess 5", "198.51.100.7")).isInstanceOf(AccessService.Refused.class);
        assertThat(((AccessService.Throttled) access.login("pingou", PASSWORD, "198.51.100.7")).retryAfter())
                .as("the wait doubles").isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(2));
        assertThat(access.login("pingou", PASSWORD, "198.51.100.7")).isInstanceOf(AccessService.LoggedIn.class);
        assertThat(access.login("pingou", "typo", "198.51.100.7")).as("a success ends the run")
                .isInstanceOf(AccessService.Refused.class);
        assertThat(access.login("pingou", PASSWORD, "198.51.100.7")).isInstanceOf(AccessService.LoggedIn.class);
    }

    @Test
    void guessing_from_many_addresses_slows_down_strangers_but_never_locks_the_owner_out_at_an_address_known_to_work() {
        assertThat(access.login("pingou", PASSWORD, "192.0.2.10")).isInstanceOf(AccessService.LoggedIn.class);
        for (int i = 0; i < 10; i++) {
            assertThat(access.login("pingou", "guess", "198.51.100." + i)).isInstanceOf(AccessService.Refused.class);
        }
        assertThat(access.login("pingou", PASSWORD, "203.0.113.5")).as("a new address").isInstanceOf(
                AccessService.Throttled.class);
        assertThat(access.login("pingou", PASSWORD, "192.0.2.10")).as("the owner's usual address")
                .isInstanceOf(AccessService.LoggedIn.class);
    }

    @Test
    void one_address_guessing_many_names_is_held_back_except_for_accounts_that_logged_in_from_it() {
        assertThat(access.login("pingou", PASSWORD, "203.0.113.9")).isInstanceOf(AccessService.LoggedIn.class);
        for (int i = 0; i < 30; i++) {
            assertThat(access.login("user" + i, "guess", "203.0.113.9")).isInstanceOf(AccessService.Refused.class);
        }
        assertThat(access.login("adamwill", PASSWORD, "203.0.113.9")).isInstanceOf(AccessService.Throttled.class);
        assertThat(access.login("pingou", PASSWORD, "203.0.113.9")).isInstanceOf(AccessService.LoggedIn.class);
        assertThat(access.login("adamwill", PASSWORD, "192.0.2.20")).isInstanceOf(AccessService.LoggedIn.class);
    }

    @Test
    void a_run_of_failures_is_forgotten_after_a_quiet_day() {
        for (int i = 0; i < 5; i++) {
            access.login("pingou", "guess", "198.51.100.7");
        }
        assertThat(access.login("pingou", PASSWORD, "198.51.100.7")).isInstanceOf(AccessService.Throttled.class);
        clock.advance(LoginThrottle.FORGET);
        assertThat(access.login("pingou", PASSWORD, "198.51.100.7")).isInstanceOf(AccessService.LoggedIn.class);
    }

    @Test
    void simultaneous_guesses_on_two_servers_sharing_the_store_never_get_past_the_limit() throws Exception {
        List<AccessService> servers = List.of(access, server(other));
        int attempts = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<AccessService.Login>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                AccessService s = servers.get(i % 2);
                String password = i == attempts - 1 ? PASSWORD : "guess " + i;
                Callable<AccessService.Login> attempt = () -> {
                    go.await();
                    return s.login("pingou", password, "198.51.100.7");
                };
                results.add(pool.submit(attempt));
            }
            go.countDown();
            List<AccessService.Login> outcomes = new ArrayList<>();
            for (Future<AccessService.Login> f : results) {
                outcomes.add(f.get());
            }
            Map<Class<?>, Long> counts = outcomes.stream().collect(Collectors.groupingBy(LoginThrottleContract::kind,
                    Collectors.counting()));
            assertThat(counts.getOrDefault(AccessService.Throttled.class, 0L)).isEqualTo(attempts - 5);
            assertThat(attempts - counts.get(AccessService.Throttled.class)).as("checked passwords").isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server(other).login("pingou", PASSWORD, "198.51.100.7")).isInstanceOf(AccessService.Throttled.class);
    }
}

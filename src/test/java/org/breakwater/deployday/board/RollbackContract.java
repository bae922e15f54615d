package org.breakwater.deployday.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.Templates;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.DayServices;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.policy.PolicyReader;
import org.breakwater.store.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback is one transaction (the CLI's {@code rollback PLAN} and the board's button both run
 * {@link BoardService#rollback}): a failure injected into its last write — the database refusing the
 * rolled-back notice — leaves no deployment recorded, the plan in progress and no event queued; on
 * SQLite and PostgreSQL.
 */
abstract class RollbackContract {
    static final Instant CUT = Instant.parse("2014-06-02T15:07:00Z");

    @TempDir
    Path dir;

    App app;
    Plan plan;
    DayServices day;

    abstract App.Settings settings(Path dir);

    @BeforeEach
    void start() throws Exception {
        app = App.open(settings(dir), Clock.fixed(CUT.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        org.breakwater.traffic.PkgdbCutOver.record(app, CUT);
        plan = new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb2", List.of(new PlannedRelease(
                "pkgdb", "2.0.0", Optional.empty())), "production", CUT.minusSeconds(420), Duration.ofHours(4), "pingou",
                Optional.empty(), PlanStatus.IN_PROGRESS, CUT.minus(Duration.ofDays(20))));
        day = app.day(PolicyReader.defaults(), Templates.defaults(), "breakwater@fedoraproject.org");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    long count(String table) {
        return app.database().jdbi().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class)
                .one());
    }

    void failNotices(boolean fail) {
        boolean sqlite = app.database().dialect() == Dialect.SQLITE;
        app.database().jdbi().useHandle(h -> {
            if (!fail) {
                h.execute("drop trigger fail_notice" + (sqlite ? "" : " on announcement"));
            } else if (sqlite) {
                h.execute("create trigger fail_notice before insert on announcement"
                        + " begin select raise(abort, 'injected failure'); end");
            } else {
                h.execute("create or replace function fail_notice() returns trigger language plpgsql as"
                        + " $$ begin raise exception 'injected failure'; end $$");
                h.execute("create trigger fail_notice before insert on announcement for each row"
                        + " execute function fail_notice()");
            }
        });
    }

    @Test
    void a_rollback_failing_at_its_last_write_leaves_nothing_half_written() {
        assertThat(((Outcome.Done<Board>) day.board().board(plan.id())).value().rollback().possible()).isTrue();
        long deployments = count("deployment");
        long outbox = count("outbox");
        failNotices(true);
        assertThatThrownBy(() -> day.board().rollback(plan.id(), "nirik")).hasStackTraceContaining("injected failure");
        assertThat(count("deployment")).as("no rollback deployment recorded").isEqualTo(deployments);
        assertThat(app.catalog().placement("pkgdb", "production").orElseThrow().version()).isEqualTo("2.0.0");
        assertThat(app.plans(PolicyReader.defaults()).plan(plan.id()).orElseThrow().status())
                .isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(count("outbox")).as("no plan event queued").isEqualTo(outbox);
        assertThat(count("announcement")).isZero();

        failNotices(false);
        RolledBack done = ((Outcome.Done<RolledBack>) day.board().rollback(plan.id(), "nirik")).value();
        assertThat(done.deployments()).extracting(d -> d.version()).containsExactly("1.9.2");
        assertThat(done.plan().status()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(done.notices()).isNotEmpty();
        assertThat(count("deployment")).isEqualTo(deployments + 1);
        var pkgdb = ((Outcome.Done<org.breakwater.deployday.measures.Measures>) day.measures().keys(30)).value()
                .services().stream().filter(k -> k.group().equals("pkgdb")).findFirst().orElseThrow();
        assertThat(pkgdb.failures()).as("the four keys count the rolled-back change as failed").isEqualTo(1);
        assertThat(pkgdb.timeToRestore()).contains(Duration.ofHours(1));
    }
}

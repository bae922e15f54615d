package org.breakwater.deployday.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.MovableClock;
import org.breakwater.announce.Templates;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.Main;
import org.breakwater.deployday.DayServices;
import org.breakwater.deployday.incident.IncidentService;
import org.breakwater.deployday.incident.NewIncident;
import org.breakwater.deployday.incident.Severity;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures from the record: a deployment's incident times, and the four keys with a failed change. */
class MeasuresTest {
    @TempDir
    Path dir;

    App app;
    final MovableClock clock = new MovableClock();
    DayServices day;

    @BeforeEach
    void start() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("demo/store")), clock);
        day = app.day(PolicyReader.defaults(), Templates.defaults(), "breakwater@fedoraproject.org");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).as(o.toString()).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    long incident(IncidentService incidents, String consumer, Instant detected) {
        return done(incidents.open(new NewIncident(Optional.empty(), consumer + " fails", Severity.MAJOR, "pkgdb",
                Optional.of(consumer), Optional.of("GET /acls/name/{package}"), Optional.of(1L), List.of(),
                Optional.empty(), detected, "detector"))).incident().id();
    }

    @Test
    void a_deployments_incidents_give_mean_and_max_times_to_detect_acknowledge_and_repair() {
        Instant cutOver = clock.instant();
        done(app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production", cutOver, "pingou",
                Optional.empty()), Optional.empty()));
        clock.ahead = Duration.ofHours(3); // the day goes on: detected, acknowledged, resolved
        IncidentService incidents = app.incidents();
        long bodhi = incident(incidents, "bodhi-pkgdb-client", cutOver.plus(Duration.ofMinutes(2)));
        long packages = incident(incidents, "packages-pkgdb-connector", cutOver.plus(Duration.ofMinutes(10)));
        done(incidents.acknowledge(bodhi, "nirik"));
        done(incidents.resolve(bodhi, "pingou", Optional.empty()));
        DayMeasures m = done(day.measures().day(1));
        assertThat(m.incidents()).isEqualTo(2);
        assertThat(m.open()).isEqualTo(1);
        assertThat(m.timeToDetect().mean()).contains(Duration.ofMinutes(6));
        assertThat(m.timeToDetect().max()).contains(Duration.ofMinutes(10));
        assertThat(m.timeToAcknowledge().count()).isEqualTo(1);
        assertThat(m.timeToRepair().max().orElseThrow()).isBetween(Duration.ofMinutes(177), Duration.ofMinutes(179));
        assertThat(done(day.board().board(1)).incidents()).extracting(i -> i.id()).containsExactly(bodhi, packages);
        assertThat(done(day.postmortem().draft(1))).contains("bodhi-pkgdb-client: GET /acls/name/{package} first failed")
                .contains("| " + bodhi + " | bodhi-pkgdb-client fails | major |");
    }

    @Test
    void a_rolled_back_change_counts_as_failed_with_its_time_to_restore() {
        done(app.plans(PolicyReader.defaults()).setStatus(1, PlanStatus.IN_PROGRESS));
        done(app.catalog().recordDeployment(new NewDeployment("pkgdb", "2.0.0", "production",
                Instant.now().minus(Duration.ofHours(2)), "pingou", Optional.empty()), Optional.empty()));
        FourKeys before = done(day.measures().keys(30)).services().stream().filter(k -> k.group().equals("pkgdb"))
                .findFirst().orElseThrow();
        assertThat(before.failures()).isZero();
        done(day.board().rollback(1, "nirik"));
        Measures after = done(day.measures().keys(30));
        FourKeys pkgdb = after.services().stream().filter(k -> k.group().equals("pkgdb")).findFirst().orElseThrow();
        assertThat(pkgdb.deployments()).as("the rollback is a restore, not a change").isEqualTo(before.deployments());
        assertThat(pkgdb.failures()).isEqualTo(1);
        assertThat(pkgdb.timeToRestore().orElseThrow()).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        assertThat(pkgdb.leadTime()).as("staging ran pkgdb 2.0.0 before").isPresent();
        assertThat(after.teams()).anySatisfy(k -> assertThat(k.group()).isEqualTo("infrastructure"));
        assertThat(after.weeks()).hasSize(5);
        assertThat(done(day.measures().keys(1)).all().deployments()).isGreaterThanOrEqualTo(1);
    }
}

package org.breakwater.deployday.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.plan.Plan;
import org.breakwater.plan.PlanStatus;
import org.breakwater.plan.PlannedRelease;
import org.breakwater.plan.store.JdbiPlanRepository;
import org.breakwater.traffic.CallerRule;
import org.breakwater.traffic.PkgdbCutOver;
import org.breakwater.traffic.TrafficService;
import org.breakwater.traffic.parse.LogFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cut-over is recorded at any second (record-deployment takes the time it is run), while the
 * traffic counts are kept by the minute: the calls made after the cut-over in its own minute are
 * the new version's first answers, and must be judged with what comes after, not taken for the
 * baseline (which hid bodhi's 404s behind a failing baseline, and made the packages app "silent").
 */
class DetectorCutOverMinuteTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "cut-over at {0} s past the minute")
    @ValueSource(ints = {10, 20, 35})
    void a_cut_over_in_the_middle_of_a_minute_finds_the_same_breakages_as_one_on_the_minute(int second)
            throws Exception {
        Instant cut = Instant.parse("2014-06-02T15:07:00Z").plusSeconds(second);
        try (App app = App.open(new App.Settings(Optional.empty(), dir), Clock.fixed(cut.plus(Duration.ofHours(1)),
                ZoneOffset.UTC))) {
            PkgdbCutOver.record(app, cut);
            new JdbiPlanRepository(app.database().jdbi()).create(new Plan(0, "pkgdb2", List.of(new PlannedRelease(
                    "pkgdb", "2.0.0", Optional.empty())), "production", cut.minusSeconds(420), Duration.ofHours(4),
                    "pingou", Optional.empty(), PlanStatus.IN_PROGRESS, cut.minus(Duration.ofDays(20))));
            TrafficService t = app.traffic();
            String log = String.join("", PkgdbDayLog.lines(cut));
            assertThat(t.ingest("pkgdb", "production", LogFormat.combined(), List.of(new TrafficService.Input("access_log",
                    () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))),
                    ((Outcome.Done<List<CallerRule>>) t.rules()).value(), a -> Optional.empty()))
                    .isInstanceOf(Outcome.Done.class);
            List<Incident> opened = app.detector(DetectionPolicy.defaults()).active().opened();
            assertThat(opened).extracting(i -> i.consumer().orElseThrow() + " " + i.operation().orElse("(silent)"))
                    .containsExactlyInAnyOrder("bodhi-pkgdb-client GET /acls/name/{package}",
                            "packages-pkgdb-connector GET /users/packages/{username}",
                            "unknown (sync.py/0.1 from 192.0.2.9) (paths the description does not have)", "owner-alias-sync (silent)");
            assertThat(opened).filteredOn(i -> i.consumer().orElseThrow().startsWith("bodhi")).singleElement()
                    .satisfies(i -> assertThat(i.title()).contains("4xx on 42 of 42 calls"));
        }
    }
}

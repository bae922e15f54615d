package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.NewDeployment;
import org.breakwater.catalog.Outcome;
import org.breakwater.catalog.files.ApiFiles;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.breakwater.traffic.parse.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Response status classes in the traffic counts (issue 16): per caller and operation in
 * one-minute buckets, kept for a bounded window, on SQLite and PostgreSQL, from logs the tests write.
 */
abstract class TrafficStatusContract {
    static final Instant CUT = Instant.parse("2014-06-16T15:07:00Z");

    @TempDir
    Path dir;

    App app;

    abstract App.Settings settings(Path dir);

    @BeforeEach
    void start() throws Exception {
        app = App.open(settings(dir), Clock.systemUTC());
        PkgdbCutOver.record(app, CUT);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static String line(Instant at, String request, int status) {
        return TrafficIngestTest.line("10.5.126.20", at, request, status, "bodhi/0.9.12");
    }

    TrafficService.Report ingest(String log) {
        TrafficService t = app.traffic();
        List<CallerRule> rules = ((Outcome.Done<List<CallerRule>>) t.rules()).value();
        Outcome<TrafficService.Report> o = t.ingest("pkgdb", "production", LogFormat.combined(), List.of(
                new TrafficService.Input("access.log", () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))),
                rules, a -> Optional.empty());
        return ((Outcome.Done<TrafficService.Report>) o).value();
    }

    List<StatusCount> stored() {
        return app.traffic().statuses("pkgdb", "production", CUT.minus(Duration.ofDays(30)), CUT.plus(Duration.ofDays(30)));
    }

    @Test
    void each_call_is_counted_by_status_class_per_caller_operation_and_minute() {
        StringBuilder log = new StringBuilder();
        log.append(line(CUT.minusSeconds(50), "GET /pkgdb/packages/name/guake?tg_format=json", 200));
        log.append(line(CUT.minusSeconds(40), "GET /pkgdb/packages/name/guake?tg_format=json", 302));
        log.append(line(CUT.plusSeconds(5), "GET /pkgdb/packages/name/guake", 404));
        log.append(line(CUT.plusSeconds(6), "GET /pkgdb/packages/name/guake", 404));
        log.append(line(CUT.plusSeconds(7), "GET /pkgdb/packages/name/guake", 503));
        log.append(line(CUT.plusSeconds(8), "GET /pkgdb/packages/name/guake", 101)); // not an outcome: not counted
        ingest(log.toString());
        List<StatusCount> s = stored();
        assertThat(s).extracting(StatusCount::bucket, StatusCount::operation, StatusCount::ok, StatusCount::redirects,
                StatusCount::clientErrors, StatusCount::serverErrors).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2014-06-16T15:06:00Z"), s.get(0).operation(), 1L, 1L,
                        0L, 0L),
                org.assertj.core.groups.Tuple.tuple(CUT, "? GET /pkgdb/packages/name/guake", 0L, 0L, 2L, 1L));
        assertThat(s).allSatisfy(c -> assertThat(c.caller()).isEqualTo("bodhi-pkgdb-client"));
    }

    @Test
    void lines_out_of_order_land_in_their_own_minute_and_a_second_read_adds_up() {
        String log = line(CUT.plusSeconds(130), "GET /pkgdb/api/package/guake", 200)
                + line(CUT.plusSeconds(10), "GET /pkgdb/api/package/guake", 500) // the clock went backwards
                + line(CUT.plusSeconds(135), "GET /pkgdb/api/package/guake", 200);
        ingest(log);
        ingest(log);
        assertThat(stored()).extracting(StatusCount::bucket, StatusCount::ok, StatusCount::serverErrors)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CUT, 0L, 2L),
                        org.assertj.core.groups.Tuple.tuple(CUT.plusSeconds(120), 4L, 0L));
    }

    @Test
    void buckets_further_than_the_window_behind_the_newest_are_not_kept() {
        ingest(line(CUT.minus(Duration.ofDays(5)), "GET /pkgdb/api/package/guake", 200));
        assertThat(stored()).hasSize(1);
        ingest(line(CUT, "GET /pkgdb/api/package/guake", 200)
                + line(CUT.minus(Duration.ofDays(3)), "GET /pkgdb/api/package/guake", 200));
        assertThat(stored()).extracting(StatusCount::bucket).containsExactly(CUT);
    }

    @Test
    void a_followed_log_stores_its_status_counts_with_its_cursor_once() throws Exception {
        Path log = dir.resolve("access_log");
        Files.writeString(log, line(CUT.plusSeconds(1), "GET /pkgdb/packages/name/guake", 404));
        TrafficService t = app.traffic();
        List<CallerRule> rules = ((Outcome.Done<List<CallerRule>>) t.rules()).value();
        Follower f = app.follower("pkgdb", "production", LogFormat.combined(), List.of(log), rules, a -> Optional.empty());
        f.poll();
        f.poll(); // nothing new: nothing counted twice
        Files.writeString(log, line(CUT.plusSeconds(2), "GET /pkgdb/packages/name/guake", 404),
                java.nio.file.StandardOpenOption.APPEND);
        app.follower("pkgdb", "production", LogFormat.combined(), List.of(log), rules, a -> Optional.empty()).poll();
        assertThat(stored()).singleElement().satisfies(c -> assertThat(c.clientErrors()).isEqualTo(2));
    }
}

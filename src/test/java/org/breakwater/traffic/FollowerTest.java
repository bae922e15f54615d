package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/** Following a folder of logs as they grow, rotate and get truncated: every complete line counted once. */
class FollowerTest {
    @TempDir
    Path dir;

    Path logs;
    App app;
    final Instant now = Instant.now();
    int written;

    @BeforeEach
    void start() throws Exception {
        logs = Files.createDirectories(dir.resolve("logs"));
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("store")), Clock.systemUTC());
        app.catalog().importCatalog(CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))));
        app.catalog().recordDeployment(new NewDeployment("pkgdb", "1.9.2", "production", now.minus(Duration.ofDays(90)),
                "pingou", Optional.empty()), Optional.of(ApiFiles.read(Path.of(
                "src/main/resources/demo/catalog/apis/pkgdb/v1/pkgdb.yaml"), ReadLimits.defaults()).description()));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    Follower follower() {
        return app.follower("pkgdb", "production", LogFormat.combined(), List.of(logs),
                ((Outcome.Done<List<CallerRule>>) app.traffic().rules()).value(), a -> Optional.empty());
    }

    /** Appends {@code n} bodhi calls to {@code file}. */
    void append(Path file, int n) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(TrafficIngestTest.line("10.5.126.21", now.minus(Duration.ofHours(1)).plusSeconds(written++),
                    "GET /pkgdb/acls/name/guake", 200, "bodhi/0.9.12"));
        }
        Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    long counted() {
        return app.traffic().usages("pkgdb", Optional.of("production")).stream().mapToLong(Usage::count).sum();
    }

    Follower.Poll poll(Follower f) {
        Outcome<Follower.Poll> o = f.poll();
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<Follower.Poll>) o).value();
    }

    @Test
    void lines_are_counted_once_as_the_log_grows_and_across_restarts() throws Exception {
        Path log = logs.resolve("access_log");
        append(log, 3);
        Follower f = follower();
        assertThat(poll(f).report().calls()).isEqualTo(3);
        assertThat(poll(f).readSomething()).as("nothing new").isFalse();
        append(log, 2);
        String last = TrafficIngestTest.line("10.5.126.21", now, "GET /pkgdb/acls/name/kernel", 200, "bodhi/0.9.12");
        Files.writeString(log, last.substring(0, 30), StandardOpenOption.APPEND); // a line being written
        assertThat(poll(f).report().calls()).as("only complete lines").isEqualTo(2);
        assertThat(counted()).isEqualTo(5);
        Files.writeString(log, last.substring(30), StandardOpenOption.APPEND);
        Follower restarted = follower();
        assertThat(poll(restarted).report().calls()).as("a new follower reads on from the stored place").isEqualTo(1);
        assertThat(counted()).isEqualTo(6);
        assertThat(app.traffic().usages("pkgdb", Optional.of("production"))).singleElement()
                .satisfies(u -> assertThat(u.caller()).isEqualTo("bodhi-pkgdb-client"));
    }

    @Test
    void a_rotated_log_keeps_its_place_and_the_new_one_is_read_from_its_start() throws Exception {
        Path log = logs.resolve("access_log");
        append(log, 4);
        Follower f = follower();
        poll(f);
        append(log, 1); // written just before the rotation
        Files.move(log, logs.resolve("access_log.1"));
        append(logs.resolve("access_log.1"), 1); // the server still had the old file open
        append(log, 2); // the new log
        Files.write(logs.resolve("access_log.2.gz"), new byte[] {0x1f, (byte) 0x8b, 0}); // old, compressed: left alone
        Follower.Poll p = poll(f);
        assertThat(p.report().inputs()).extracting(s -> s.source().replace(logs + "/", "") + " " + s.lines())
                .containsExactlyInAnyOrder("access_log.1 (from byte " + Files.size(logs.resolve("access_log.1")) / 6 * 4
                        + ") 2", "access_log 2");
        assertThat(counted()).isEqualTo(4 + 2 + 2);
        assertThat(app.traffic().cursors("pkgdb", "production")).extracting(c -> Path.of(c.path()).getFileName().toString())
                .containsExactlyInAnyOrder("access_log", "access_log.1");
    }

    @Test
    void a_truncated_log_is_read_again_from_its_start_and_a_deleted_one_forgotten() throws Exception {
        Path log = logs.resolve("access_log");
        append(log, 5);
        Follower f = follower();
        poll(f);
        Files.writeString(log, "", StandardOpenOption.TRUNCATE_EXISTING);
        append(log, 2);
        Follower.Poll p = poll(f);
        assertThat(p.notes()).singleElement().asString().contains("truncated");
        assertThat(counted()).isEqualTo(7);
        Files.delete(log);
        poll(f);
        assertThat(app.traffic().cursors("pkgdb", "production")).as("the cursor of a file gone is forgotten").isEmpty();
    }

    @Test
    void a_folder_that_is_not_there_yet_is_waited_for() throws Exception {
        Files.delete(logs);
        Follower f = follower();
        assertThat(poll(f).notes()).singleElement().asString().contains("not there (yet)");
        Files.createDirectories(logs);
        append(logs.resolve("access_log"), 1);
        assertThat(poll(f).report().calls()).isEqualTo(1);
    }

    @Test
    void a_follower_keeps_request_samples_as_a_one_shot_ingest_does_without_the_dropped_query_parameters()
            throws Exception {
        Follower f = app.follower("pkgdb", "production", LogFormat.combined(), List.of(logs),
                ((Outcome.Done<List<CallerRule>>) app.traffic().rules()).value(), a -> Optional.empty(),
                java.util.Set.of("trace"));
        Path log = logs.resolve("access_log");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(TrafficIngestTest.line("10.5.126.21", now.minus(Duration.ofHours(1)).plusSeconds(written++),
                    "GET /pkgdb/acls/name/guake?token=s3cret&trace=42&page=" + i, 200, "bodhi/0.9.12"));
        }
        Files.writeString(log, b, StandardCharsets.UTF_8);
        poll(f);
        append(log, 2);
        poll(f);
        List<Sample> samples = app.traffic().samples("pkgdb", "production");
        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.operation()).isEqualTo("GET /acls/name/{}");
            assertThat(s.seen()).isEqualTo(5);
            assertThat(s.targets()).hasSize(5).containsOnly("/pkgdb/acls/name/guake?page=0",
                    "/pkgdb/acls/name/guake?page=1", "/pkgdb/acls/name/guake?page=2", "/pkgdb/acls/name/guake");
        });
    }
}

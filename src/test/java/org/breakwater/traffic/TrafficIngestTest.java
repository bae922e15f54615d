package org.breakwater.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.catalog.Outcome;
import org.breakwater.traffic.parse.LogFormat;
import org.breakwater.traffic.store.JdbiTrafficRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A combined-format log of the package database read end to end: each call named by caller
 * and matched against the description production ran at that moment (pkgdb 1 until the
 * roll-out, pkgdb 2 after), counted exactly, stored, and added to on a second read.
 */
class TrafficIngestTest {
    static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    App app;
    TrafficService traffic;
    final Instant rollout = Instant.parse("2014-06-16T15:00:00Z");

    @BeforeEach
    void start() throws Exception {
        app = App.open(new App.Settings(Optional.empty(), dir), Clock.systemUTC());
        PkgdbCutOver.record(app, rollout);
        traffic = new TrafficService(app.catalog(), new JdbiTrafficRepository(app.database().jdbi()));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static String line(String client, Instant at, String request, int status, String agent) { // a combined-format line
        return client + " - - [" + CLF.format(at) + "] \"" + request + " HTTP/1.1\" " + status + " 512 \"-\" \"" + agent + "\"\n";
    }

    String log() {
        Instant before = rollout.minus(Duration.ofHours(2));
        Instant after = rollout.plus(Duration.ofHours(2));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(line("10.5.126.20", before.plusSeconds(i), "GET /pkgdb/packages/name/guake?tg_format=json", 200,
                    "bodhi/0.9.12"));
        }
        b.append(line("10.5.126.20", after, "GET /pkgdb/api/package/guake", 200, "bodhi/2.0"));
        b.append(line("10.5.126.20", after.plusSeconds(5), "GET /pkgdb/packages/name/guake", 404, "bodhi/0.9.12"));
        b.append(line("192.0.2.77", after.plusSeconds(9), "GET /pkgdb/api/packages?pattern=py*", 200, "fedora-review/0.5"));
        b.append("this is not a log line\n");
        return b.toString();
    }

    List<TrafficService.Input> input(String text) {
        return List.of(new TrafficService.Input("access_log", () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    static final List<CallerRule> RULES = List.of(new CallerRule("bodhi-pkgdb-client", CallerRule.Kind.USER_AGENT, "^bodhi/",
            Optional.empty()));

    @Test
    void calls_are_named_and_matched_against_what_ran_at_their_time() {
        Outcome<TrafficService.Report> o = traffic.ingest("pkgdb", "production", LogFormat.combined(), input(log()), RULES,
                a -> Optional.empty());
        TrafficService.Report r = ((Outcome.Done<TrafficService.Report>) o).value();
        assertThat(r.inputs()).singleElement().satisfies(s -> {
            assertThat(s.lines()).isEqualTo(7);
            assertThat(s.records()).isEqualTo(6);
            assertThat(s.malformed()).isEqualTo(1);
        });
        assertThat(traffic.usages("pkgdb", Optional.of("production")))
                .extracting(u -> u.caller() + " | " + u.operation() + " | " + u.count())
                .containsExactly(
                        "bodhi-pkgdb-client | ? GET /pkgdb/packages/name/guake | 1",
                        "bodhi-pkgdb-client | GET /package/{} | 1",
                        "bodhi-pkgdb-client | GET /packages/name/{} | 3",
                        "unknown (fedora-review/0.5 from 192.0.2.77) | GET /packages | 1");
    }

    @Test
    void ingest_keeps_samples_of_the_concrete_targets_per_caller_and_operation_without_tokens() {
        TrafficService sampling = app.traffic(java.util.Set.of("tg_format"));
        sampling.ingest("pkgdb", "production", LogFormat.combined(), input(log()
                + line("10.5.126.20", rollout.plusSeconds(60), "GET /pkgdb/api/package/guake?token=s3cret&acls=1", 200,
                "bodhi/2.0")), RULES, a -> Optional.empty());
        assertThat(sampling.samples("pkgdb", "production"))
                .extracting(x -> x.caller() + " | " + x.operation() + " | " + x.seen() + " | " + x.targets())
                .containsExactly(
                        "bodhi-pkgdb-client | GET /package/{} | 2 | [/pkgdb/api/package/guake, /pkgdb/api/package/guake?acls=1]",
                        "bodhi-pkgdb-client | GET /packages/name/{} | 3 | [/pkgdb/packages/name/guake,"
                                + " /pkgdb/packages/name/guake, /pkgdb/packages/name/guake]",
                        "unknown (fedora-review/0.5 from 192.0.2.77) | GET /packages | 1 | [/pkgdb/api/packages?pattern=py*]");
        assertThat(sampling.prune(rollout.plus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(3);
        assertThat(sampling.samples("pkgdb", "production")).isEmpty();
    }

    @Test
    void a_second_read_adds_up_and_bad_targets_are_refused_with_nothing_stored() {
        traffic.ingest("pkgdb", "production", LogFormat.combined(), input(log()), RULES, a -> Optional.empty());
        traffic.ingest("pkgdb", "production", LogFormat.combined(), input(log()), RULES, a -> Optional.empty());
        assertThat(traffic.usages("pkgdb", Optional.empty())).filteredOn(u -> u.operation().equals("GET /packages/name/{}"))
                .singleElement().satisfies(u -> assertThat(u.count()).isEqualTo(6));
        assertThat(traffic.ingest("nosuch", "production", LogFormat.combined(), input(log()), RULES, a -> Optional.empty()))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(traffic.ingest("pkgdb", "moon", LogFormat.combined(), input(log()), RULES, a -> Optional.empty()))
                .isInstanceOf(Outcome.Refused.class);
        List<TrafficService.Input> broken = List.of(new TrafficService.Input("gone.log", () -> {
            throw new java.io.FileNotFoundException("gone.log (No such file or directory)");
        }));
        Outcome<TrafficService.Report> o = traffic.ingest("fas", "production", LogFormat.combined(), broken, RULES,
                a -> Optional.empty());
        assertThat(((Outcome.Refused<TrafficService.Report>) o).reason()).contains("gone.log: cannot be read")
                .contains("nothing was stored");
        assertThat(traffic.usages("fas", Optional.empty())).isEmpty();
    }
}

package org.breakwater.deployday.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.breakwater.catalog.Outcome;
import org.breakwater.deployday.incident.Incident;
import org.breakwater.deployday.incident.IncidentEvent;
import org.breakwater.deployday.incident.IncidentRepository;
import org.breakwater.deployday.incident.IncidentService;
import org.breakwater.deployday.incident.IncidentStatus;
import org.breakwater.deployday.incident.NewIncident;
import org.breakwater.deployday.incident.Severity;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents and their history, on SQLite and on PostgreSQL. */
abstract class IncidentStoreContract {
    static final Instant T0 = Instant.parse("2014-06-02T15:07:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbiIncidentRepository store;
    MovingClock clock = new MovingClock();
    IncidentService service;

    abstract Database open(Path dir);

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = T0.plusSeconds(60);

        @Override
        public java.time.ZoneId getZone() {
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

    @BeforeEach
    void openStore() {
        db = open(dir);
        store = new JdbiIncidentRepository(db.jdbi());
        service = new IncidentService(store, s -> s.equals("pkgdb"), p -> p == 1, clock);
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    static NewIncident detected(String key, String consumer) {
        return new NewIncident(Optional.of(key), consumer + ": GET /acls/name/{package} 404 on 42 of 42 calls since 15:07",
                Severity.MAJOR, "pkgdb", Optional.of(consumer), Optional.of("GET /acls/name/{package}"), Optional.of(1L),
                List.of("https://pagure.io/pkgdb2/issue/1"), Optional.of("0% before"), T0, "detector");
    }

    static <T> T done(Outcome<T> o) {
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    static String refusal(Outcome<?> o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) o).reason();
    }

    @Test
    void an_opened_incident_reads_back_with_every_field_and_its_opened_event() {
        IncidentRepository.Opened o = done(service.open(detected("k1", "bodhi-pkgdb-client")));
        assertThat(o.created()).isTrue();
        Incident i = store.incident(o.incident().id()).orElseThrow();
        assertThat(i.title()).startsWith("bodhi-pkgdb-client: GET /acls/name/{package} 404");
        assertThat(i.severity()).isEqualTo(Severity.MAJOR);
        assertThat(i.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(i.consumer()).contains("bodhi-pkgdb-client");
        assertThat(i.operation()).contains("GET /acls/name/{package}");
        assertThat(i.planId()).contains(1L);
        assertThat(i.links()).containsExactly("https://pagure.io/pkgdb2/issue/1");
        assertThat(i.detectedAt()).isEqualTo(T0);
        assertThat(i.recordedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(i.key()).contains("k1");
        assertThat(store.events(i.id())).extracting(IncidentEvent::action).containsExactly("opened");
    }

    @Test
    void the_same_detector_key_opens_one_incident_however_often_it_is_asked() {
        IncidentRepository.Opened first = done(service.open(detected("k1", "bodhi-pkgdb-client")));
        IncidentRepository.Opened again = done(service.open(detected("k1", "bodhi-pkgdb-client")));
        assertThat(again.created()).isFalse();
        assertThat(again.incident().id()).isEqualTo(first.incident().id());
        assertThat(store.list(IncidentRepository.Filter.all(), 100)).hasSize(1);
    }

    @Test
    void two_instances_racing_on_one_key_open_it_once() throws Exception {
        // SQLite: a second pool on the same file; PostgreSQL: concurrent connections of one pool
        Database second = isSqlite() ? open(dir) : null;
        JdbiIncidentRepository other = new JdbiIncidentRepository((second == null ? db : second).jdbi());
        try {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<IncidentRepository.Opened>> results = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                JdbiIncidentRepository r = n % 2 == 0 ? store : other;
                results.add(pool.submit((Callable<IncidentRepository.Opened>) () -> r.open(detected("race", "x"), T0)));
            }
            long created = 0;
            for (Future<IncidentRepository.Opened> f : results) {
                created += f.get().created() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(created).isEqualTo(1);
            assertThat(store.list(IncidentRepository.Filter.all(), 100)).hasSize(1);
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    boolean isSqlite() {
        return this instanceof IncidentStoreOnSqliteTest;
    }

    @Test
    void acknowledge_assign_and_resolve_keep_their_times_and_people_and_each_is_an_event() {
        long id = done(service.open(detected("k1", "bodhi-pkgdb-client"))).incident().id();
        clock.now = T0.plusSeconds(300);
        Incident ack = done(service.acknowledge(id, "pingou"));
        assertThat(ack.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(ack.acknowledgedAt()).contains(T0.plusSeconds(300));
        assertThat(ack.acknowledgedBy()).contains("pingou");
        clock.now = T0.plusSeconds(400);
        assertThat(done(service.assign(id, "ralph", "pingou")).assignee()).contains("ralph");
        clock.now = T0.plusSeconds(3600);
        Incident resolved = done(service.resolve(id, "ralph", Optional.of("client 0.7 released")));
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).contains(T0.plusSeconds(3600));
        assertThat(resolved.timeToRepair()).contains(java.time.Duration.ofHours(1));
        assertThat(resolved.timeToAcknowledge()).contains(java.time.Duration.ofMinutes(5));
        assertThat(store.events(id)).extracting(IncidentEvent::action, IncidentEvent::by, IncidentEvent::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("opened", "detector", T0.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("acknowledged", "pingou", T0.plusSeconds(300)),
                        org.assertj.core.groups.Tuple.tuple("assigned", "pingou", T0.plusSeconds(400)),
                        org.assertj.core.groups.Tuple.tuple("resolved", "ralph", T0.plusSeconds(3600)));
        assertThat(store.events(id).get(3).detail()).contains("client 0.7 released");
    }

    @Test
    void a_resolved_incident_cannot_be_acknowledged_or_resolved_again_and_nothing_is_written() {
        long id = done(service.open(detected("k1", "c"))).incident().id();
        done(service.resolve(id, "pingou", Optional.empty()));
        assertThat(refusal(service.acknowledge(id, "pingou"))).contains("is resolved, not open");
        assertThat(refusal(service.resolve(id, "pingou", Optional.empty()))).contains("is resolved");
        assertThat(refusal(service.assign(id, "x", "pingou"))).contains("is resolved");
        assertThat(store.events(id)).hasSize(2);
    }

    @Test
    void merging_a_duplicate_closes_it_and_the_other_keeps_the_earlier_detection_and_both_links() {
        long kept = done(service.open(detected("k1", "c"))).incident().id();
        NewIncident later = new NewIncident(Optional.empty(), "pkgdb acls broken for bodhi", Severity.MINOR, "pkgdb",
                Optional.of("c"), Optional.empty(), Optional.empty(), List.of("https://bugzilla/2"), Optional.empty(),
                T0.minusSeconds(30), "kevin");
        long dup = done(service.open(later)).incident().id();
        Incident merged = done(service.merge(dup, kept, "pingou"));
        assertThat(merged.status()).isEqualTo(IncidentStatus.MERGED);
        assertThat(merged.mergedInto()).contains(kept);
        Incident target = store.incident(kept).orElseThrow();
        assertThat(target.detectedAt()).isEqualTo(T0.minusSeconds(30));
        assertThat(target.links()).containsExactly("https://pagure.io/pkgdb2/issue/1", "https://bugzilla/2");
        assertThat(store.events(kept)).extracting(IncidentEvent::action).containsExactly("opened", "merged-from");
        assertThat(refusal(service.merge(kept, dup, "pingou"))).contains("was itself merged into #" + kept);
        assertThat(refusal(service.merge(kept, kept, "pingou"))).contains("into itself");
        assertThat(refusal(service.merge(kept, 999, "pingou"))).contains("no incident 999");
    }

    @Test
    void bad_input_is_refused_before_anything_is_written() {
        NewIncident unknownService = new NewIncident(Optional.empty(), "t", Severity.MINOR, "nope", Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), T0, "kevin");
        assertThat(refusal(service.open(unknownService))).contains("no service 'nope'");
        NewIncident unknownPlan = new NewIncident(Optional.empty(), "t", Severity.MINOR, "pkgdb", Optional.empty(),
                Optional.empty(), Optional.of(7L), List.of(), Optional.empty(), T0, "kevin");
        assertThat(refusal(service.open(unknownPlan))).contains("no plan 7");
        assertThat(refusal(service.acknowledge(42, "kevin"))).contains("no incident 42");
        assertThat(store.list(IncidentRepository.Filter.all(), 10)).isEmpty();
    }

    @Test
    void the_list_filters_by_status_service_plan_and_activity_newest_first() {
        long a = done(service.open(detected("a", "c1"))).incident().id();
        long b = done(service.open(detected("b", "c2"))).incident().id();
        done(service.resolve(a, "pingou", Optional.empty()));
        assertThat(store.list(IncidentRepository.Filter.all(), 10)).extracting(Incident::id).containsExactly(b, a);
        assertThat(store.list(new IncidentRepository.Filter(Optional.empty(), Optional.empty(), Optional.empty(), true),
                10)).extracting(Incident::id).containsExactly(b);
        assertThat(store.list(new IncidentRepository.Filter(Optional.of(IncidentStatus.RESOLVED), Optional.of("pkgdb"),
                Optional.of(1L), false), 10)).extracting(Incident::id).containsExactly(a);
        assertThat(store.list(IncidentRepository.Filter.all(), 1)).hasSize(1);
    }

    @Test
    void the_first_failing_call_is_kept_and_a_merge_keeps_the_earlier_one() {
        NewIncident n = detected("k1", "c");
        NewIncident withFirst = new NewIncident(n.key(), n.title(), n.severity(), n.service(), n.consumer(),
                n.operation(), n.planId(), n.links(), n.detail(), T0, "detector", Optional.of(T0.minusSeconds(120)));
        long kept = done(service.open(withFirst)).incident().id();
        assertThat(store.incident(kept).orElseThrow().timeToDetect()).contains(java.time.Duration.ofMinutes(2));
        NewIncident other = new NewIncident(Optional.of("k2"), "c again", Severity.MINOR, "pkgdb", Optional.of("c"),
                Optional.empty(), Optional.of(1L), List.of(), Optional.empty(), T0.plusSeconds(60), "detector",
                Optional.of(T0.minusSeconds(300)));
        long dup = done(service.open(other)).incident().id();
        done(service.acknowledge(kept, "pingou"));
        assertThat(store.incident(kept).orElseThrow().firstFailingAt()).as("kept through a change")
                .contains(T0.minusSeconds(120));
        done(service.merge(dup, kept, "pingou"));
        assertThat(store.incident(kept).orElseThrow().firstFailingAt()).contains(T0.minusSeconds(300));
        assertThat(store.incident(done(service.open(new NewIncident(Optional.empty(), "by hand", Severity.MINOR,
                "pkgdb", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), T0, "kevin")))
                .incident().id()).orElseThrow().firstFailingAt()).as("opened by hand: not known").isEmpty();
    }
}

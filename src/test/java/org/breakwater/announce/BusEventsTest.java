package org.breakwater.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Delivery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.breakwater.App;
import org.breakwater.announce.bus.BusCourier;
import org.breakwater.announce.mail.FolderCourier;
import org.breakwater.bus.BusSettings;
import org.breakwater.bus.EmbeddedBroker;
import org.breakwater.bus.TopicRecorder;
import org.breakwater.catalog.Outcome;
import org.breakwater.cli.Main;
import org.breakwater.plan.PlanService;
import org.breakwater.plan.PlanStatus;
import org.breakwater.policy.PolicyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan and announcement events on a real AMQP broker (embedded Qpid Broker-J), through the
 * outbox: in the shape Fedora's bus uses, and none lost while the broker is down.
 */
class BusEventsTest {
    @TempDir
    Path dir;

    App app;
    EmbeddedBroker broker;
    BusCourier bus;

    @BeforeEach
    void start() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"demo", "--no-serve", "--dir", dir.resolve("demo").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
        app = App.open(new App.Settings(Optional.empty(), dir.resolve("demo/store")), Clock.systemUTC());
        broker = new EmbeddedBroker().start();
        bus = new BusCourier(BusSettings.of(broker.uri()));
    }

    @AfterEach
    void stop() {
        bus.close();
        broker.close();
        app.close();
    }

    AnnounceService announcements() {
        return app.announcements(PolicyReader.defaults(), Templates.defaults(), "breakwater@fedoraproject.org");
    }

    static String text(Delivery d) {
        return new String(d.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void the_demos_history_and_a_plan_moving_reach_the_bus_as_fedora_messages() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.uri(), "amq.topic", "org.fedoraproject.#")) {
            AnnounceService s = announcements();
            AnnounceService.Delivery first = s.deliver(Map.of(OutboxEntry.Channel.BUS, bus), 100);
            assertThat(first.failed()).isZero();
            assertThat(first.delivered()).as("the demo's three plans were made").isEqualTo(3);
            assertThat(recorder.next(3)).extracting(d -> d.getEnvelope().getRoutingKey()).containsExactly(
                    "org.fedoraproject.prod.breakwater.deployment.scheduled",
                    "org.fedoraproject.prod.breakwater.deployment.planned",
                    "org.fedoraproject.prod.breakwater.deployment.scheduled");

            PlanService plans = app.plans(PolicyReader.defaults());
            assertThat(plans.setStatus(3, PlanStatus.IN_PROGRESS)).isInstanceOf(Outcome.Done.class);
            s.deliver(Map.of(OutboxEntry.Channel.BUS, bus), 100);
            Delivery started = recorder.next();
            assertThat(started.getEnvelope().getRoutingKey()).isEqualTo("org.fedoraproject.prod.breakwater.deployment.started");
            assertThat(started.getProperties().getContentType()).isEqualTo("application/json");
            assertThat(started.getProperties().getHeaders().get("fedora_messaging_schema").toString())
                    .isEqualTo("breakwater.deployment.started.v1");
            assertThat(started.getProperties().getMessageId()).matches("[0-9a-f-]{36}");
            assertThat(text(started)).contains("\"event\":\"deployment.started\"").contains("\"id\":3")
                    .contains("\"status\":\"in-progress\"").contains("{\"service\":\"fedocal\",\"version\":\"1.0.0\"}");
            assertThat(s.deliver(Map.of(OutboxEntry.Channel.BUS, bus), 100).delivered()).as("each once").isZero();
        }
    }

    @Test
    void events_wait_in_the_outbox_while_the_broker_is_down_and_a_sent_notice_is_an_event_too() throws Exception {
        AnnounceService s = announcements();
        s.deliver(Map.of(OutboxEntry.Channel.BUS, bus), 100); // the demo's history
        Announcement a = ((Outcome.Done<java.util.List<Announcement>>) s.draft(1, Kind.OUTAGE_NOTICE, Optional.empty(),
                Optional.empty(), "pingou")).value().get(0);
        s.send(a.id(), "pingou");
        assertThat(s.deliver(Map.of(OutboxEntry.Channel.MAIL, new FolderCourier(dir.resolve("mail"),
                "breakwater@fedoraproject.org")), 10).delivered()).isOne();
        broker.stop();
        AnnounceService.Delivery down = s.deliver(Map.of(OutboxEntry.Channel.BUS, bus), 100);
        assertThat(down.failed()).isOne();
        assertThat(down.errors()).singleElement().asString().contains("cannot reach the message bus");
        broker.start();
        try (TopicRecorder recorder = new TopicRecorder(broker.uri(), "amq.topic", "org.fedoraproject.#")) {
            AnnounceService later = new AnnounceService(new org.breakwater.announce.store.JdbiAnnounceRepository(
                    app.database().jdbi()), app.plans(PolicyReader.defaults()), app.catalog(), PolicyReader.defaults(),
                    Templates.defaults(), "breakwater@fedoraproject.org", Clock.offset(Clock.systemUTC(),
                    Duration.ofMinutes(1))); // past the failed attempt's back-off
            assertThat(later.deliver(Map.of(OutboxEntry.Channel.BUS, bus), 100).delivered()).isOne();
            Delivery sent = recorder.next();
            assertThat(sent.getEnvelope().getRoutingKey()).isEqualTo("org.fedoraproject.prod.breakwater.announcement.sent");
            assertThat(text(sent)).contains("\"kind\":\"outage-notice\"").contains("breakwater.announcement-" + a.id());
        }
    }
}

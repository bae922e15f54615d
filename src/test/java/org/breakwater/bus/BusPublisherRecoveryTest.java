package org.breakwater.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A broker that is down, goes away or comes back: a clear failure each time, and the next publish recovers. */
class BusPublisherRecoveryTest {
    private final EmbeddedBroker broker = new EmbeddedBroker();

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void a_broker_that_is_not_running_is_reported_as_unreachable_naming_it_without_the_password() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var settings = BusSettings.of("amqp://breakwater:s3cret-bus@127.0.0.1:" + port + "/");

        try (var publisher = new BusPublisher(settings)) {
            assertThatThrownBy(() -> publisher.publish(message(settings)))
                    .isInstanceOf(BusException.class)
                    .hasMessage("cannot reach the message bus at amqp://127.0.0.1:" + port + "/: connection refused");
            assertThatThrownBy(publisher::connect)
                    .hasMessage("cannot reach the message bus at amqp://127.0.0.1:" + port + "/: connection refused");
        }
    }

    @Test
    void publishing_while_the_broker_is_stopped_fails_and_the_next_publish_after_it_is_back_succeeds()
            throws Exception {
        broker.start();
        var settings = BusSettings.of(broker.uri());
        try (var publisher = new BusPublisher(settings)) {
            try (var recorder = new TopicRecorder(broker.uri(), "amq.topic", "org.fedoraproject.#")) {
                publisher.publish(message(settings));
                assertThat(recorder.next()).isNotNull();
            }

            broker.stop();
            var lost = message(settings);
            assertThatThrownBy(() -> publisher.publish(lost))
                    .isInstanceOf(BusException.class)
                    .hasMessageContaining("the message bus at amqp://127.0.0.1:" + broker.port() + "/")
                    .hasMessageNotContaining(EmbeddedBroker.PASSWORD);
            assertThatThrownBy(() -> publisher.publish(lost))
                    .hasMessage("cannot reach the message bus at amqp://127.0.0.1:" + broker.port()
                            + "/: connection refused");

            broker.start();
            try (var recorder = new TopicRecorder(broker.uri(), "amq.topic", "org.fedoraproject.#")) {
                publisher.publish(lost);
                assertThat(recorder.next().getProperties().getMessageId()).isEqualTo(lost.messageId());
            }
        }
    }

    @Test
    void a_broker_that_goes_away_between_publishes_is_reconnected_to_by_the_next_publish() throws Exception {
        broker.start();
        var settings = BusSettings.of(broker.uri());
        try (var publisher = new BusPublisher(settings)) {
            publisher.connect();
            broker.stop();
            broker.start();

            try (var recorder = new TopicRecorder(broker.uri(), "amq.topic", "org.fedoraproject.#")) {
                var message = message(settings);
                publishRetrying(publisher, message);
                assertThat(recorder.next().getProperties().getMessageId()).isEqualTo(message.messageId());
            }
        }
    }

    /**
     * What an outbox does: publish again after a failure. A connection that broke while idle may
     * only be noticed by the first publish on it; the second one connects afresh.
     */
    private static void publishRetrying(BusPublisher publisher, BusMessage message) throws BusException {
        try {
            publisher.publish(message);
        } catch (BusException first) {
            publisher.publish(message);
        }
    }

    private static BusMessage message(BusSettings settings) {
        return new BusMessage(settings.topic("plan.moved"), UUID.randomUUID().toString(), "{\"plan\": 3}",
                Instant.now(), "breakwater.plan.moved.v1");
    }
}

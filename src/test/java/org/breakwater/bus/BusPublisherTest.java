package org.breakwater.bus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Delivery;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing to a real AMQP 0-9-1 broker (Qpid Broker-J, embedded) and reading it back with a real consumer. */
class BusPublisherTest {
    private static final Instant SENT_AT = Instant.parse("2014-06-16T15:00:00.250Z");

    private static EmbeddedBroker broker;
    private static BusSettings settings;
    private TopicRecorder recorder;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedBroker().start();
        settings = BusSettings.of(broker.uri());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void listen() throws Exception {
        recorder = new TopicRecorder(broker.uri(), "amq.topic", "org.fedoraproject.#");
    }

    @AfterEach
    void stopListening() throws Exception {
        recorder.close();
    }

    @Test
    void a_published_message_arrives_in_the_shape_fedora_messaging_consumers_read() throws Exception {
        var message = scheduled(7);

        try (var publisher = new BusPublisher(settings)) {
            publisher.publish(message);
        }

        Delivery delivery = recorder.next();
        assertThat(delivery.getEnvelope().getExchange()).isEqualTo("amq.topic");
        assertThat(delivery.getEnvelope().getRoutingKey()).isEqualTo("org.fedoraproject.prod.breakwater.deployment.scheduled");
        assertThat(new String(delivery.getBody(), UTF_8)).isEqualTo(message.body()).contains("déjà vu");
        var properties = delivery.getProperties();
        assertThat(properties.getMessageId()).isEqualTo(message.messageId());
        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getContentEncoding()).isEqualTo("utf-8");
        assertThat(properties.getDeliveryMode()).as("persistent").isEqualTo(2);
        assertThat(properties.getTimestamp().toInstant()).isEqualTo(Instant.parse("2014-06-16T15:00:00Z"));
        assertThat(headers(delivery)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fedora_messaging_schema", "breakwater.deployment.scheduled.v1",
                "sent-at", "2014-06-16T15:00:00+00:00",
                "fedora_messaging_severity", 20,
                "priority", 0));
    }

    @Test
    void messages_arrive_in_the_order_they_were_published() throws Exception {
        List<BusMessage> messages = IntStream.rangeClosed(1, 25).mapToObj(BusPublisherTest::scheduled).toList();

        try (var publisher = new BusPublisher(settings)) {
            publisher.connect();
            for (var message : messages) {
                publisher.publish(message);
            }
        }

        assertThat(recorder.next(25)).extracting(d -> d.getProperties().getMessageId())
                .containsExactlyElementsOf(messages.stream().map(BusMessage::messageId).toList());
        assertThat(recorder.poll(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void publishing_a_message_again_sends_it_again_with_the_same_id_so_consumers_can_drop_the_duplicate()
            throws Exception {
        var message = scheduled(8);

        try (var publisher = new BusPublisher(settings)) {
            publisher.publish(message);
            publisher.publish(message);
        }

        assertThat(recorder.next(2)).extracting(d -> d.getProperties().getMessageId())
                .containsExactly(message.messageId(), message.messageId());
    }

    @Test
    void a_topic_no_queue_is_bound_to_is_not_an_error() throws Exception {
        var elsewhere = new BusSettings(broker.uri(), "amq.topic", "org.example", "stg", Duration.ofSeconds(5));

        try (var publisher = new BusPublisher(elsewhere)) {
            publisher.publish(new BusMessage(elsewhere.topic("deployment.scheduled"), id(), "{}", SENT_AT,
                    "breakwater.deployment.scheduled.v1"));
        }

        assertThat(recorder.poll(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void an_exchange_the_broker_does_not_have_is_refused_with_the_brokers_reason() {
        var missing = new BusSettings(broker.uri(), "breakwater.missing", "org.fedoraproject", "prod",
                Duration.ofSeconds(5));
        var message = scheduled(9);

        try (var publisher = new BusPublisher(missing)) {
            assertThatThrownBy(() -> publisher.publish(message))
                    .isInstanceOf(BusException.class)
                    .hasMessageStartingWith("the message bus at amqp://127.0.0.1:" + broker.port() + "/ refused message "
                            + message.messageId() + ": ")
                    .hasMessageContaining("breakwater.missing");
        }
    }

    @Test
    void a_wrong_password_is_reported_as_a_refused_login_without_the_password() {
        var wrong = BusSettings.of(URI.create("amqp://breakwater:not-the-password@127.0.0.1:" + broker.port() + "/"));

        try (var publisher = new BusPublisher(wrong)) {
            assertThatThrownBy(() -> publisher.publish(scheduled(10)))
                    .isInstanceOf(BusException.class)
                    .hasMessage("the message bus at amqp://127.0.0.1:" + broker.port() + "/ refused the login of user "
                            + "'breakwater' (authentication failed); check the user name and password in the broker URI");
            assertThatThrownBy(publisher::connect).isInstanceOf(BusException.class)
                    .hasMessageContaining("authentication failed");
        }
    }

    @Test
    void a_tls_broker_whose_certificate_the_jvm_does_not_trust_is_refused() {
        var tls = BusSettings.of(broker.tlsUri());

        try (var publisher = new BusPublisher(tls)) {
            assertThatThrownBy(() -> publisher.publish(scheduled(11)))
                    .isInstanceOf(BusException.class)
                    .hasMessage("cannot open a TLS connection to the message bus at amqps://127.0.0.1:"
                            + broker.tlsUri().getPort() + "/: its certificate is not trusted by this Java runtime; "
                            + "add its CA to the trust store (-Djavax.net.ssl.trustStore=...)");
        }
    }

    private static BusMessage scheduled(int plan) {
        return new BusMessage(settings.topic("deployment.scheduled"), id(),
                "{\"plan\": " + plan + ", \"service\": \"pkgdb\", \"note\": \"déjà vu\"}", SENT_AT,
                "breakwater.deployment.scheduled.v1");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** The headers with the client's LongString values as plain strings. */
    private static Map<String, Object> headers(Delivery delivery) {
        var headers = new HashMap<String, Object>();
        delivery.getProperties().getHeaders().forEach((key, value) ->
                headers.put(key, value instanceof Number ? value : String.valueOf(value)));
        return headers;
    }
}

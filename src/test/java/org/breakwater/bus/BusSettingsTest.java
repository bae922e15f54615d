package org.breakwater.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusSettingsTest {
    private static final URI BROKER = URI.create("amqps://breakwater:hunter2@bus.example.org:5671/%2Fpublic_pubsub");

    @Test
    void a_broker_uri_alone_takes_fedoras_defaults() {
        var settings = BusSettings.of(BROKER);

        assertThat(settings.exchange()).isEqualTo("amq.topic");
        assertThat(settings.topicPrefix()).isEqualTo("org.fedoraproject");
        assertThat(settings.environment()).isEqualTo("prod");
        assertThat(settings.publishTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.tls()).isTrue();
        assertThat(settings.user()).isEqualTo("breakwater");
    }

    @Test
    void a_topic_is_prefix_environment_breakwater_and_the_event() {
        assertThat(BusSettings.of(BROKER).topic("deployment.scheduled"))
                .isEqualTo("org.fedoraproject.prod.breakwater.deployment.scheduled");
        assertThat(new BusSettings(BROKER, "amq.topic", "org.fedoraproject", "stg", Duration.ofSeconds(3))
                .topic("api-break.announced"))
                .isEqualTo("org.fedoraproject.stg.breakwater.api-break.announced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Deployment.Scheduled", "deployment..scheduled", ".deployment", "deployment.",
            "deployment.*", "deployment.#", "deployment scheduled", "1deployment"})
    void an_event_that_is_not_dot_separated_lowercase_words_is_refused(String event) {
        assertThatThrownBy(() -> BusSettings.of(BROKER).topic(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event '" + event + "' must be dot-separated lowercase words, e.g. deployment.scheduled");
    }

    @Test
    void the_password_is_hidden_in_to_string_and_absent_from_the_display_form() {
        var settings = BusSettings.of(BROKER);

        assertThat(settings.toString())
                .contains("broker=amqps://breakwater:***@bus.example.org:5671/%2Fpublic_pubsub")
                .doesNotContain("hunter2");
        assertThat(settings.displayBroker()).isEqualTo("amqps://bus.example.org:5671/%2Fpublic_pubsub");
    }

    @Test
    void a_uri_without_user_or_path_is_accepted_as_it_is() {
        var settings = BusSettings.of("amqp://localhost");

        assertThat(settings.displayBroker()).isEqualTo("amqp://localhost");
        assertThat(settings.user()).isEqualTo("guest");
        assertThat(settings.tls()).isFalse();
        assertThat(settings.toString()).contains("broker=amqp://localhost,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://bus.example.org/|broker URI must start with amqp:// or amqps://, e.g. amqp://user:password@host:5672/vhost",
            "bus.example.org:5672|broker URI must start with amqp:// or amqps://, e.g. amqp://user:password@host:5672/vhost",
            "amqp:///vhost|broker URI has no host name; write it as amqp://user:password@host:5672/vhost",
            "amqp://bus.example.org/?heartbeat=10|broker URI must not have a query (?...) or a fragment (#...)",
            "amqp://bus.example.org/public/pubsub|broker URI path must be one virtual host, with any '/' in its name written %2F (e.g. /%2Fpublic_pubsub), not /public/pubsub",
            "amqp://bus example|broker URI is not a URI (Illegal character in authority); write it as amqp://user:password@host:5672/vhost",
    })
    void a_broker_uri_that_cannot_work_is_refused_saying_why(String uri, String message) {
        assertThatThrownBy(() -> BusSettings.of(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void exchange_prefix_environment_and_timeout_are_checked() {
        assertThatThrownBy(() -> new BusSettings(BROKER, "", "org.fedoraproject", "prod", Duration.ofSeconds(1)))
                .hasMessageStartingWith("exchange '' is not an exchange name");
        assertThatThrownBy(() -> new BusSettings(BROKER, "amq.topic", "org.FedoraProject", "prod", Duration.ofSeconds(1)))
                .hasMessage("topic prefix 'org.FedoraProject' must be dot-separated lowercase words, e.g. org.fedoraproject");
        assertThatThrownBy(() -> new BusSettings(BROKER, "amq.topic", "org.fedoraproject", "prod.eu", Duration.ofSeconds(1)))
                .hasMessage("environment 'prod.eu' must be one lowercase word, e.g. prod or stg");
        assertThatThrownBy(() -> new BusSettings(BROKER, "amq.topic", "org.fedoraproject", "prod", Duration.ZERO))
                .hasMessage("publish timeout PT0S must be more than zero and at most an hour");
        assertThatThrownBy(() -> new BusSettings(null, "amq.topic", "org.fedoraproject", "prod", Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class).hasMessage("broker");
    }
}

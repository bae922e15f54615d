package org.breakwater.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusMessageTest {
    private static final String TOPIC = "org.fedoraproject.prod.breakwater.deployment.scheduled";
    private static final String ID = "3f2a1c5e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    private static final Instant SENT_AT = Instant.parse("2014-06-16T15:00:00Z");
    private static final String SCHEMA = "breakwater.deployment.scheduled.v1";

    @Test
    void a_message_keeps_what_the_caller_chose() {
        var message = new BusMessage(TOPIC, ID, " {\"plan\": 7}\n", SENT_AT, SCHEMA);

        assertThat(message.messageId()).isEqualTo(ID);
        assertThat(message.body()).isEqualTo(" {\"plan\": 7}\n");
    }

    @Test
    void the_message_id_must_be_a_uuid() {
        assertThatThrownBy(() -> new BusMessage(TOPIC, "outbox-17", "{}", SENT_AT, SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message id 'outbox-17' must be a UUID in lowercase, e.g. 3f2a1c5e-8b7d-4e6f-9a0b-1c2d3e4f5a6b");
        assertThatThrownBy(() -> new BusMessage(TOPIC, ID.toUpperCase(), "{}", SENT_AT, SCHEMA))
                .hasMessageStartingWith("message id '3F2A1C5E");
    }

    @Test
    void the_body_must_be_a_json_object() {
        assertThatThrownBy(() -> new BusMessage(TOPIC, ID, "[1, 2]", SENT_AT, SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body of message " + ID + " must be a JSON object ({...})");
    }

    @Test
    void a_topic_with_wildcards_or_longer_than_255_bytes_is_refused() {
        assertThatThrownBy(() -> new BusMessage("org.fedoraproject.#", ID, "{}", SENT_AT, SCHEMA))
                .hasMessage("topic 'org.fedoraproject.#' must be dot-separated words of at most 255 bytes in all, "
                        + "with no wildcards");
        assertThatThrownBy(() -> new BusMessage("a".repeat(256), ID, "{}", SENT_AT, SCHEMA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_schema_must_be_a_name() {
        assertThatThrownBy(() -> new BusMessage(TOPIC, ID, "{}", SENT_AT, "deployment scheduled"))
                .hasMessage("schema 'deployment scheduled' must be a name like breakwater.deployment.scheduled.v1");
        assertThatThrownBy(() -> new BusMessage(TOPIC, ID, "{}", null, SCHEMA))
                .isInstanceOf(NullPointerException.class).hasMessage("sentAt");
    }
}

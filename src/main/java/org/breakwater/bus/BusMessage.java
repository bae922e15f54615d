package org.breakwater.bus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message for the bus, as the outbox keeps it until the broker has confirmed it.
 *
 * <p>Everything here is decided by the caller, once, so that publishing the message again after a
 * failure or a crash sends the same message: above all the same {@code messageId}, by which
 * consumers recognise a duplicate.
 *
 * @param topic     the routing key, from {@link BusSettings#topic(String)}, e.g.
 *                  {@code org.fedoraproject.prod.breakwater.deployment.scheduled}
 * @param messageId a UUID in its usual form (fedora-messaging asks for a random, version 4, one),
 *                  chosen when the event is recorded and kept for every publish of it
 * @param body      the message as a JSON object, e.g. {@code {"plan": 7, "start": "..."}}
 * @param sentAt    when the event was recorded; sent as the {@code sent-at} header and the AMQP timestamp
 * @param schema    the schema name consumers select on, e.g. {@code breakwater.deployment.scheduled.v1}
 */
public record BusMessage(String topic, String messageId, String body, Instant sentAt, String schema) {
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    public BusMessage {
        Objects.requireNonNull(topic, "topic");
        if (!TOPIC.matcher(topic).matches() || topic.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("topic '" + topic
                    + "' must be dot-separated words of at most 255 bytes in all, with no wildcards");
        }
        Objects.requireNonNull(messageId, "messageId");
        if (!UUID_FORM.matcher(messageId).matches()) {
            throw new IllegalArgumentException("message id '" + messageId
                    + "' must be a UUID in lowercase, e.g. 3f2a1c5e-8b7d-4e6f-9a0b-1c2d3e4f5a6b");
        }
        Objects.requireNonNull(body, "body");
        String json = body.strip();
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("body of message " + messageId + " must be a JSON object ({...})");
        }
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema
                    + "' must be a name like breakwater.deployment.scheduled.v1");
        }
    }
}

/**
 * Publishing Breakwater's events to a message bus in the shape of Fedora's (fedora-messaging over
 * AMQP 0-9-1): {@link org.breakwater.bus.BusSettings} says where (broker URI, exchange, topic
 * prefix, environment) and makes topics; a {@link org.breakwater.bus.BusMessage} is one event with
 * the id it keeps across retries; {@link org.breakwater.bus.BusPublisher} sends it and returns only
 * once the broker has confirmed it, or throws a {@link org.breakwater.bus.BusException} with a
 * message a person can act on. Delivery is at least once: a caller (the outbox) retries until
 * publish returns. Start at {@code BusPublisher}. This package uses only the JDK and the RabbitMQ
 * Java client; no web framework.
 */
package org.breakwater.bus;

package org.breakwater.bus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how Breakwater publishes to the message bus.
 *
 * <p>The broker URI carries the user, password and virtual host the way fedora-messaging's
 * {@code amqp_url} does: {@code amqps://user:password@host:5671/%2Fpublic_pubsub}; without a path
 * the broker's default virtual host is used, and without a user the AMQP default ("guest"). An
 * {@code amqps} URI verifies the broker's certificate against the JVM's trust store and its host
 * name. {@link #toString()} hides the password; {@link #displayBroker()} is the URI with no user
 * at all, for messages.
 *
 * @param broker         {@code amqp://} or {@code amqps://} URI of the broker
 * @param exchange       the topic exchange messages are published to ({@value #DEFAULT_EXCHANGE})
 * @param topicPrefix    dot-separated words put before every topic ({@value #DEFAULT_TOPIC_PREFIX})
 * @param environment    one word after the prefix: {@code prod}, {@code stg} ({@value #DEFAULT_ENVIRONMENT})
 * @param publishTimeout how long connecting, and the broker's confirm of each message, may take
 */
public record BusSettings(URI broker, String exchange, String topicPrefix, String environment,
                          Duration publishTimeout) {
    public static final String DEFAULT_EXCHANGE = "amq.topic";
    public static final String DEFAULT_TOPIC_PREFIX = "org.fedoraproject";
    public static final String DEFAULT_ENVIRONMENT = "prod";
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private static final String WORD = "[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*";
    private static final Pattern WORDS = Pattern.compile(WORD + "(?:\\." + WORD + ")*");
    private static final Pattern ONE_WORD = Pattern.compile(WORD);
    private static final Pattern EXCHANGE = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    public BusSettings {
        checkBroker(broker);
        Objects.requireNonNull(exchange, "exchange");
        if (!EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException("exchange '" + exchange
                    + "' is not an exchange name: letters, digits, '.', '_', '-', ':' (1 to 255), e.g. amq.topic");
        }
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        if (!WORDS.matcher(topicPrefix).matches()) {
            throw new IllegalArgumentException("topic prefix '" + topicPrefix
                    + "' must be dot-separated lowercase words, e.g. org.fedoraproject");
        }
        Objects.requireNonNull(environment, "environment");
        if (!ONE_WORD.matcher(environment).matches()) {
            throw new IllegalArgumentException("environment '" + environment
                    + "' must be one lowercase word, e.g. prod or stg");
        }
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        if (publishTimeout.isNegative() || publishTimeout.isZero() || publishTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("publish timeout " + publishTimeout
                    + " must be more than zero and at most an hour");
        }
    }

    /** The settings for a broker with every other value at its default. */
    public static BusSettings of(URI broker) {
        return new BusSettings(broker, DEFAULT_EXCHANGE, DEFAULT_TOPIC_PREFIX, DEFAULT_ENVIRONMENT,
                DEFAULT_PUBLISH_TIMEOUT);
    }

    /** {@link #of(URI)} for a URI as a user wrote it. */
    public static BusSettings of(String broker) {
        Objects.requireNonNull(broker, "broker");
        try {
            return of(new URI(broker.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker URI is not a URI (" + e.getReason()
                    + "); write it as amqp://user:password@host:5672/vhost");
        }
    }

    /**
     * The topic, and routing key, of an event: {@code <prefix>.<environment>.breakwater.<event>},
     * e.g. {@code org.fedoraproject.prod.breakwater.deployment.scheduled} for
     * {@code deployment.scheduled}.
     *
     * @throws IllegalArgumentException when the event is not dot-separated lowercase words
     */
    public String topic(String event) {
        Objects.requireNonNull(event, "event");
        if (!WORDS.matcher(event).matches()) {
            throw new IllegalArgumentException("event '" + event
                    + "' must be dot-separated lowercase words, e.g. deployment.scheduled");
        }
        return topicPrefix + "." + environment + ".breakwater." + event;
    }

    /** Whether the broker is reached over TLS ({@code amqps}). */
    public boolean tls() {
        return broker.getScheme().equalsIgnoreCase("amqps");
    }

    /** The broker URI without user or password, e.g. {@code amqp://bus.example.org:5672/}. */
    public String displayBroker() {
        return withUserInfo(null);
    }

    /** The user name in the broker URI, or {@code guest}, AMQP's default, when it has none. */
    public String user() {
        String userInfo = broker.getUserInfo();
        if (userInfo == null) {
            return "guest";
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    @Override
    public String toString() {
        String userInfo = broker.getRawUserInfo();
        String shown = userInfo == null || !userInfo.contains(":") ? broker.toString()
                : withUserInfo(userInfo.substring(0, userInfo.indexOf(':')) + ":***");
        return "BusSettings[broker=" + shown + ", exchange=" + exchange + ", topicPrefix=" + topicPrefix
                + ", environment=" + environment + ", publishTimeout=" + publishTimeout + "]";
    }

    private String withUserInfo(String rawUserInfo) {
        return broker.getScheme() + "://" + (rawUserInfo == null ? "" : rawUserInfo + "@")
                + broker.getRawAuthority().substring(broker.getRawAuthority().lastIndexOf('@') + 1)
                + (broker.getRawPath() == null ? "" : broker.getRawPath());
    }

    private static void checkBroker(URI broker) {
        Objects.requireNonNull(broker, "broker");
        String scheme = broker.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("amqp") || scheme.equalsIgnoreCase("amqps"))) {
            throw new IllegalArgumentException("broker URI must start with amqp:// or amqps://, e.g. "
                    + "amqp://user:password@host:5672/vhost");
        }
        if (broker.getHost() == null) {
            throw new IllegalArgumentException("broker URI has no host name; write it as "
                    + scheme + "://user:password@host:5672/vhost");
        }
        if (broker.getRawQuery() != null || broker.getRawFragment() != null) {
            throw new IllegalArgumentException("broker URI must not have a query (?...) or a fragment (#...)");
        }
        String path = broker.getRawPath();
        if (path != null && path.length() > 1 && path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("broker URI path must be one virtual host, with any '/' in "
                    + "its name written %2F (e.g. /%2Fpublic_pubsub), not " + path);
        }
    }
}

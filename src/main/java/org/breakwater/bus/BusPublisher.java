package org.breakwater.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Publishes {@link BusMessage}s to an AMQP 0-9-1 broker in the shape of Fedora's message bus
 * (fedora-messaging), so Fedora's consumers (notifications, datagrepper, a team's own listener)
 * see Breakwater's events beside every other application's.
 *
 * <h2>The message on the wire</h2>
 * <ul>
 *   <li>published to {@link BusSettings#exchange()} ({@code amq.topic}) with the topic as routing
 *       key, e.g. {@code org.fedoraproject.prod.breakwater.deployment.scheduled}; not mandatory: a
 *       topic no queue is bound to is not an error (the broker confirms the message and drops it);</li>
 *   <li>body: the JSON object, UTF-8;</li>
 *   <li>properties: content type {@code application/json}, content encoding {@code utf-8},
 *       delivery mode 2 (persistent), message id, timestamp ({@code sentAt}, whole seconds);</li>
 *   <li>headers: {@code fedora_messaging_schema} (the schema name), {@code sent-at}
 *       ({@code 2014-06-16T15:00:00+00:00}: ISO 8601 with offset, no fraction, as fedora-messaging
 *       asks), {@code fedora_messaging_severity} 20 (INFO) and {@code priority} 0.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * The channel is in confirm mode: {@link #publish} returns only once the broker has confirmed the
 * message, that is, taken responsibility for it (a durable queue bound to the topic holds it on
 * disk). When publish throws, the broker may or may not have it (a confirm can be lost with the
 * connection, or arrive after the timeout), so delivery is <em>at least once</em>: the caller keeps
 * the message and publishes it again later with the same message id, by which consumers drop
 * duplicates. Messages published one after another arrive in that order.
 *
 * <h2>Failures</h2>
 * Every failure (broker down or unreachable, login refused, message refused or not confirmed in
 * time, connection lost) is a {@link BusException} whose message is one line naming the broker
 * without its password. The connection is then dropped, and the next {@link #publish} connects
 * afresh: retrying with back-off is calling publish again. The client's own automatic recovery is
 * off, so nothing reconnects behind the caller's back.
 *
 * <p>One connection and one channel, opened by {@link #connect()} or by the first publish. All
 * methods are synchronized: several threads may share a publisher, taking turns.
 */
public final class BusPublisher implements AutoCloseable {
    /** fedora-messaging's INFO severity. */
    private static final int SEVERITY_INFO = 20;
    private static final DateTimeFormatter SENT_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final BusSettings settings;
    private final ConnectionFactory factory;
    private Connection connection;
    private Channel channel;

    /** A publisher for these settings; it connects on {@link #connect()} or the first publish. */
    public BusPublisher(BusSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.factory = connectionFactory(settings);
    }

    /**
     * Connects, unless connected already: opens the connection and a channel in confirm mode.
     * Calling it is optional; it lets a caller find a wrong URI or password at start-up.
     */
    public synchronized void connect() throws BusException {
        if (channel != null && channel.isOpen()) {
            return;
        }
        disconnect();
        try {
            connection = factory.newConnection("breakwater");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            disconnect();
            throw new BusException(connectFailure(e), e);
        }
    }

    /**
     * Publishes a message and waits for the broker to confirm it, connecting first if need be.
     *
     * @throws BusException when the broker did not confirm it within the publish timeout, for any
     *                      reason; the message may still have reached it
     */
    public synchronized void publish(BusMessage message) throws BusException {
        Objects.requireNonNull(message, "message");
        connect();
        try {
            channel.basicPublish(settings.exchange(), message.topic(), false, properties(message),
                    message.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | ShutdownSignalException e) {
            disconnect();
            throw new BusException("lost the connection to " + bus() + " while sending message "
                    + message.messageId() + ": " + reason(e), e);
        }
        try {
            channel.waitForConfirmsOrDie(settings.publishTimeout().toMillis());
        } catch (IOException e) { // waitForConfirmsOrDie's way of saying the broker nacked it
            disconnect();
            throw new BusException(bus() + " refused message " + message.messageId()
                    + " (negative acknowledgement: it could not take it, e.g. a queue is full)", e);
        } catch (TimeoutException e) {
            disconnect();
            throw new BusException(bus() + " did not confirm message " + message.messageId() + " within "
                    + timeoutText() + "; it may or may not have it", e);
        } catch (ShutdownSignalException e) {
            disconnect();
            throw new BusException(e.isHardError()
                    ? "lost the connection to " + bus() + " before it confirmed message " + message.messageId()
                            + ": " + reason(e)
                    : bus() + " refused message " + message.messageId() + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disconnect();
            throw new BusException("interrupted while waiting for " + bus() + " to confirm message "
                    + message.messageId(), e);
        }
    }

    /** Closes the connection; a later publish would open a new one. */
    @Override
    public synchronized void close() {
        disconnect();
    }

    private AMQP.BasicProperties properties(BusMessage message) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(message.messageId())
                .timestamp(Date.from(message.sentAt()))
                .headers(Map.of(
                        "fedora_messaging_schema", message.schema(),
                        "sent-at", SENT_AT.format(message.sentAt()),
                        "fedora_messaging_severity", SEVERITY_INFO,
                        "priority", 0))
                .build();
    }

    /** Drops the connection, if any, without waiting long and without failing. */
    private void disconnect() {
        if (connection != null) {
            connection.abort(timeoutMillis(settings));
        }
        connection = null;
        channel = null;
    }

    private String connectFailure(Exception e) {
        if (e instanceof AuthenticationFailureException || e instanceof PossibleAuthenticationFailureException) {
            return bus() + " refused the login of user '" + settings.user()
                    + "' (authentication failed); check the user name and password in the broker URI";
        }
        if (e instanceof ConnectException) {
            return "cannot reach " + bus() + ": connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "cannot reach " + bus() + ": unknown host " + settings.broker().getHost();
        }
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return "cannot reach " + bus() + ": no answer within " + timeoutText();
        }
        if (e instanceof SSLException) {
            return "cannot open a TLS connection to " + bus() + ": " + (untrusted(e)
                    ? "its certificate is not trusted by this Java runtime; add its CA to the trust store "
                            + "(-Djavax.net.ssl.trustStore=...)"
                    : e.getMessage());
        }
        return "cannot connect to " + bus() + ": " + reason(e);
    }

    private static boolean untrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }

    /** What the broker said when it closed the channel or connection, else what broke. */
    private static String reason(Exception e) {
        Throwable cause = e instanceof ShutdownSignalException ? e : e.getCause();
        if (cause instanceof ShutdownSignalException signal) {
            if (signal.getReason() instanceof AMQP.Channel.Close close) {
                return close.getReplyText();
            }
            if (signal.getReason() instanceof AMQP.Connection.Close close) {
                return "the broker closed the connection: " + close.getReplyText();
            }
            if (signal.getCause() != null) {
                return describe(signal.getCause());
            }
        }
        return describe(e);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private String bus() {
        return "the message bus at " + settings.displayBroker();
    }

    private String timeoutText() {
        long millis = settings.publishTimeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The publish timeout in milliseconds; {@link BusSettings} keeps it within an hour. */
    private static int timeoutMillis(BusSettings settings) {
        return (int) settings.publishTimeout().toMillis();
    }

    private static ConnectionFactory connectionFactory(BusSettings settings) {
        var factory = new ConnectionFactory();
        try {
            factory.setUri(settings.broker());
            if (settings.tls()) { // replaces the client's trust-everything default for amqps
                factory.useSslProtocol(SSLContext.getDefault());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot set up TLS for " + settings.displayBroker()
                    + ": " + e.getMessage(), e);
        }
        int timeout = timeoutMillis(settings);
        factory.setConnectionTimeout(timeout);
        factory.setHandshakeTimeout(timeout);
        factory.setChannelRpcTimeout(timeout);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }
}

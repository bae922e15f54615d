package org.breakwater.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.port.AmqpPort;

/**
 * A real AMQP 0-9-1 broker inside the test JVM: Apache Qpid Broker-J with one in-memory virtual
 * host (the default one, with the usual {@code amq.*} exchanges), one user, {@value #USER} with
 * password {@value #PASSWORD}, and two ports on 127.0.0.1: plain AMQP ({@link #uri()}) and AMQP
 * over TLS with a self-signed certificate that nothing trusts ({@link #tlsUri()}).
 *
 * <p>{@link #start()} picks free ports the first time and keeps them when started again after
 * {@link #stop()}, so clients can test reconnecting; nothing survives a stop (the store is in
 * memory). {@link #close()} stops it and deletes its work folder. For any test that needs a bus:
 *
 * <pre>{@code
 * try (var broker = new EmbeddedBroker().start()) {
 *     var settings = BusSettings.of(broker.uri());
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {
    public static final String USER = "breakwater";
    public static final String PASSWORD = "s3cret-bus";

    private Path workDir;
    private SystemLauncher launcher;
    private volatile SystemConfig<?> systemConfig;
    private int port;
    private int tlsPort;

    /** Starts the broker, unless it runs already, on the ports it had before, if any. */
    public synchronized EmbeddedBroker start() {
        if (launcher != null) {
            return this;
        }
        try {
            if (workDir == null) {
                workDir = Files.createTempDirectory("breakwater-qpid");
            }
            Path config = workDir.resolve("config.json");
            Files.writeString(config, configuration(port, tlsPort));
            var started = new SystemLauncher(new Listener());
            started.startup(Map.of(
                    "type", "Memory",
                    "initialConfigurationLocation", config.toUri().toString(),
                    "startupLoggedToSystemOut", false,
                    "context", Map.of(
                            "qpid.work_dir", workDir.toString(),
                            "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}")));
            launcher = started;
            port = boundPort("AMQP");
            tlsPort = boundPort("AMQPS");
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Qpid broker: " + e, e);
        }
    }

    /** Stops the broker: connections break, and the ports refuse new ones until {@link #start()}. */
    public synchronized void stop() {
        if (launcher != null) {
            launcher.shutdown();
            launcher = null;
            systemConfig = null;
        }
    }

    /** The plain AMQP port; known once started. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("the embedded broker has not been started");
        }
        return port;
    }

    /** {@code amqp://breakwater:s3cret-bus@127.0.0.1:<port>/}: the default virtual host. */
    public URI uri() {
        return URI.create("amqp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port() + "/");
    }

    /** {@code amqps://breakwater:s3cret-bus@127.0.0.1:<TLS port>/}, whose certificate is self-signed. */
    public synchronized URI tlsUri() {
        port();
        return URI.create("amqps://" + USER + ":" + PASSWORD + "@127.0.0.1:" + tlsPort + "/");
    }

    /** Stops the broker and deletes its work folder. */
    @Override
    public synchronized void close() {
        stop();
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            workDir = null;
        }
    }

    private int boundPort(String name) {
        var qpid = (Broker<?>) systemConfig.getContainer();
        for (Port<?> candidate : qpid.getPorts()) {
            if (candidate instanceof AmqpPort<?> amqp && candidate.getName().equals(name)) {
                return amqp.getBoundPort();
            }
        }
        throw new IllegalStateException("the embedded broker has no port " + name);
    }

    /** Port 0 asks the system for a free port. PLAIN is allowed without TLS, as in a test nothing is secret. */
    private static String configuration(int port, int tlsPort) {
        return """
                {
                  "name": "breakwater-test-broker",
                  "modelVersion": "9.1",
                  "authenticationproviders": [ {
                    "name": "plain",
                    "type": "Plain",
                    "secureOnlyMechanisms": [],
                    "users": [ { "name": "%1$s", "password": "%2$s", "type": "managed" } ]
                  } ],
                  "keystores": [ { "name": "selfsigned", "type": "AutoGeneratedSelfSigned" } ],
                  "ports": [ {
                    "name": "AMQP",
                    "port": %3$d,
                    "bindingAddress": "127.0.0.1",
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [ { "name": "defaultAlias", "type": "defaultAlias" },
                                            { "name": "nameAlias", "type": "nameAlias" } ]
                  }, {
                    "name": "AMQPS",
                    "port": %4$d,
                    "bindingAddress": "127.0.0.1",
                    "transports": [ "SSL" ],
                    "keyStore": "selfsigned",
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [ { "name": "defaultAlias", "type": "defaultAlias" },
                                            { "name": "nameAlias", "type": "nameAlias" } ]
                  } ],
                  "virtualhostnodes": [ {
                    "name": "default",
                    "type": "Memory",
                    "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
                  } ]
                }
                """.formatted(USER, PASSWORD, port, tlsPort);
    }

    /** Keeps the system configuration, through which the bound ports are found. */
    private final class Listener extends SystemLauncherListener.DefaultSystemLauncherListener {
        @Override
        public void onContainerResolve(SystemConfig<?> config) {
            systemConfig = config;
        }
    }
}

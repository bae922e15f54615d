package org.breakwater.announce.cli;

import java.net.URI;
import java.util.Optional;
import org.breakwater.bus.BusSettings;
import picocli.CommandLine.Option;

/** Where events are published: {@code --bus-url} (or $BREAKWATER_BUS_URL, which keeps the password off the command line). */
public final class BusOptions {
    @Option(names = "--bus-url", paramLabel = "URL",
            description = "publish plan and announcement events to this AMQP 0-9-1 broker, e.g."
                    + " amqps://user@bus.example.org/%%2F (default: $BREAKWATER_BUS_URL, where a password may go)")
    String url;

    @Option(names = "--bus-topic-prefix", paramLabel = "PREFIX", defaultValue = BusSettings.DEFAULT_TOPIC_PREFIX,
            description = "topics are PREFIX.ENV.breakwater.EVENT (default prefix: ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--bus-environment", paramLabel = "ENV", defaultValue = BusSettings.DEFAULT_ENVIRONMENT,
            description = "default: ${DEFAULT-VALUE}")
    String environment;

    /** The bus settings, if a broker is given; a bad one throws IllegalArgumentException saying why. */
    public Optional<BusSettings> settings() {
        Optional<String> u = Optional.ofNullable(url).or(() -> Optional.ofNullable(System.getenv("BREAKWATER_BUS_URL"))
                .filter(s -> !s.isBlank()));
        if (u.isEmpty()) {
            return Optional.empty();
        }
        URI broker;
        try {
            broker = URI.create(u.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bus-url is not a URL: " + e.getMessage());
        }
        return Optional.of(new BusSettings(broker, BusSettings.DEFAULT_EXCHANGE, prefix, environment,
                BusSettings.DEFAULT_PUBLISH_TIMEOUT));
    }
}

package org.breakwater.staging;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An end-to-end suite run against an environment (staging by default): the services it covers,
 * the shell command that runs it (any framework that writes JUnit XML), the folder it runs in, its
 * environment variables, where it writes its JUnit XML ({@code results}, a glob relative to the
 * folder), how long it may take, whether it needs a virtual display, and its schedule (a cron
 * expression in {@code zone}). Secrets are kept apart ({@link SealedSecret}); only their names
 * are here, in no field. {@code origin} says where it was registered: {@code cli} or the catalog
 * file it was read from. {@code identify} picks the suite's own calls out of the environment's
 * access logs ({@link TestCallers}, e.g. {@code userAgent:^rube/}), so its runs feed coverage;
 * empty: its runs feed none.
 */
public record StagingSuite(String name, List<String> services, String command, String workdir, Map<String, String> env,
                           String results, Duration timeout, Display display, String environment, String cron,
                           ZoneId zone, String origin, String identify) {
    /** Daily at 06:00 in the suite's zone. */
    public static final String DAILY = "0 6 * * *";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    /** {@code virtual}: run under {@code xvfb-run -a} (browser tests need a display). */
    public enum Display {
        NONE, VIRTUAL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Display> parse(String text) {
            for (Display d : values()) {
                if (d.id().equals(text)) {
                    return java.util.Optional.of(d);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public StagingSuite {
        Objects.requireNonNull(name, "name");
        services = List.copyOf(services);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workdir, "workdir");
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(origin, "origin");
        identify = identify == null ? "" : identify.strip();
    }

    /** A suite with no identify rule. */
    public StagingSuite(String name, List<String> services, String command, String workdir, Map<String, String> env,
                        String results, Duration timeout, Display display, String environment, String cron, ZoneId zone,
                        String origin) {
        this(name, services, command, workdir, env, results, timeout, display, environment, cron, zone, origin, "");
    }

    /** The callers that are this suite in the access logs, if it has a (valid) identify rule. */
    public java.util.Optional<TestCallers> callers() {
        return identify.isEmpty() ? java.util.Optional.empty()
                : TestCallers.parse(identify) instanceof org.breakwater.catalog.Outcome.Done<TestCallers> d
                ? java.util.Optional.of(d.value()) : java.util.Optional.empty();
    }

    public boolean covers(String service) {
        return services.contains(service);
    }

    public StagingSuite withOrigin(String o) {
        return new StagingSuite(name, services, command, workdir, env, results, timeout, display, environment, cron, zone,
                o, identify);
    }
}

package org.breakwater.catalog;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where services run: staging, production, others.
 *
 * @param hosts the addresses and address blocks (such as {@code 10.5.126.0/24}) of the machines
 *     in this environment, so that a call from one environment's host into another's service is
 *     seen in the logs (a production script still pointing at staging); empty when unknown
 * @param baseUrl where the environment's services answer, {@code {service}} standing for the
 *     service's name ({@code https://{service}.stg.example.org/}); empty when not known. Replay
 *     sends its calls there (never to a production environment)
 * @param baselines the environments that run what production runs, side by side with this one,
 *     for replay to compare this environment's answers with (one, or two to learn noise)
 */
public record Environment(String name, String description, boolean production, List<String> hosts, String baseUrl,
                          List<String> baselines) {
    public static final int BASELINES = 2;

    public Environment {
        Names.require(name, "environment name");
        description = description == null ? "" : description;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        baseUrl = baseUrl == null ? "" : baseUrl;
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
    }

    public Environment(String name, String description, boolean production, List<String> hosts) {
        this(name, description, production, hosts, "", List.of());
    }

    public Environment(String name, String description, boolean production) {
        this(name, description, production, List.of());
    }

    /** What a catalog that names no environments gets. */
    public static List<Environment> defaults() {
        return List.of(new Environment("staging", "where releases are tried first", false),
                new Environment("production", "what users use", true));
    }

    /** Where {@code service} answers in this environment, when a base URL is known. */
    public Optional<URI> baseUrl(String service) {
        return baseUrl.isEmpty() ? Optional.empty() : Optional.of(URI.create(baseUrl.replace("{service}", service)));
    }

    /** What is wrong with {@code url} as a base URL, if anything. */
    public static Optional<String> baseUrlProblem(String url) {
        URI u;
        try {
            u = new URI(url.replace("{service}", "service"));
        } catch (java.net.URISyntaxException e) {
            return Optional.of("'" + url + "' is not a URL: " + e.getReason());
        }
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
            return Optional.of("base URL '" + url + "' must start with http:// or https://");
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            return Optional.of("base URL '" + url + "' names no host");
        }
        if (u.getRawUserInfo() != null) {
            return Optional.of("base URL '" + url + "' must not carry a user or password");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            return Optional.of("base URL '" + url + "' must have no query or fragment");
        }
        return Optional.empty();
    }
}
